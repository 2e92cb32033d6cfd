import type { Runtime } from '../../runtime/runtime';

/**
 * One JSON document in the state folder, read fresh on every access and written
 * through on every change, so separate CLI processes (and two fakes on the same
 * folder) see each other's writes as Google's shared stores would. Without a state
 * folder (unit tests of one fake) it lives in memory.
 *
 * In the local Workspace writes are staged in the execution's transaction and committed
 * with everything else it changed (workspace/commit.ts); the workbook's file lock
 * (workspace/filelock.ts) keeps other processes out from load to commit, so a
 * read-modify-write here cannot lose another process's update.
 */
export class JsonState<T> {
  private memory: T;

  constructor(
    private readonly rt: Runtime,
    readonly fileName: string,
    private readonly empty: () => T,
  ) {
    this.memory = empty();
  }

  read(): T {
    return this.rt.state ? this.rt.state.read<T>(this.fileName, this.empty()) : this.memory;
  }

  write(value: T): void {
    if (this.rt.state) this.rt.state.write(this.fileName, value);
    else this.memory = value;
  }

  /** Read, change, write back; returns what `change` returns. */
  update<R>(change: (doc: T) => R): R {
    const doc = this.read();
    const result = change(doc);
    this.write(doc);
    return result;
  }
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
