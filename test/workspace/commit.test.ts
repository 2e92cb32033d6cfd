/**
 * The write-ahead journal (workspace/commit.ts) and the workbook's file lock
 * (workspace/filelock.ts), in-process: what each step of a commit leaves, replay after a kill,
 * shared and exclusive holders, dead and reused pids. The CLI under SIGKILL: test/crash/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMIT_FILE, JOURNAL, Transaction, readCommitInfo, recover } from '../../workspace/runtime/commit';
import { FileLock, LOCK_FILE, WorkbookBusyError, acquireLock } from '../../workspace/runtime/filelock';
import { Runtime } from '../../workspace/runtime/runtime';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function folder(): { root: string; state: string; book: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-commit-'));
  made.push(root);
  const state = path.join(root, 'book.state');
  fs.mkdirSync(state);
  return { root, state, book: path.join(root, 'book.xlsx') };
}

const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null);

afterEach(() => {
  Transaction.onStep = null;
});

describe('one commit of everything an execution wrote', () => {
  test('nothing is on disk before the commit; after it everything is, with a new generation', () => {
    const { state, book } = folder();
    const tx = new Transaction(state);
    tx.stage(book, 'workbook v1');
    tx.stage(path.join(state, 'mail', '000001-a.eml'), 'mail 1');
    tx.stage(path.join(state, 'properties.json'), '{"a":1}');
    expect(read(book)).toBeNull();
    expect(tx.staged(path.join(state, 'properties.json'))).toBe('{"a":1}');
    expect(tx.commit('test')).toBe(1);
    expect([read(book), read(path.join(state, 'mail', '000001-a.eml')), read(path.join(state, 'properties.json'))]).toEqual([
      'workbook v1',
      'mail 1',
      '{"a":1}',
    ]);
    expect(readCommitInfo(state)).toMatchObject({ generation: 1, command: 'test', pid: process.pid });
    expect(fs.readdirSync(state).filter((f) => f.startsWith('journal'))).toEqual([]);
  });

  test('files equal to what is on disk are not written again; a commit of nothing changes nothing', () => {
    const { state, book } = folder();
    const tx = new Transaction(state);
    tx.stage(book, 'same');
    tx.commit('first');
    const mtime = fs.statSync(book).mtimeMs;
    tx.stage(book, 'same');
    expect(tx.commit('second')).toBeNull();
    expect(readCommitInfo(state).generation).toBe(1);
    expect(fs.statSync(book).mtimeMs).toBe(mtime);
  });

  test.each([
    ['staged 1/', 'old'],
    ['before commit point', 'old'],
    ['committed', 'new'],
    ['applied 0', 'new'],
    ['applied 1', 'new'],
  ])('a crash at "%s" is recovered to the %s files, all of them', (step, expected) => {
    const { state, book } = folder();
    const first = new Transaction(state);
    first.stage(book, 'old book');
    first.stage(path.join(state, 'a.json'), 'old a');
    first.commit('first');
    const tx = new Transaction(state);
    tx.stage(book, 'new book');
    tx.stage(path.join(state, 'a.json'), 'new a');
    tx.stage(path.join(state, 'mail', 'm.eml'), 'new mail');
    Transaction.onStep = (s) => {
      if (s.startsWith(step)) throw new Error('killed');
    };
    expect(() => tx.commit('second')).toThrow('killed');
    Transaction.onStep = null;
    expect(recover(state)).toBe(expected === 'new' ? 'replayed' : 'discarded');
    const files = [read(book), read(path.join(state, 'a.json')), read(path.join(state, 'mail', 'm.eml'))];
    expect(files).toEqual(expected === 'new' ? ['new book', 'new a', 'new mail'] : ['old book', 'old a', null]);
    expect(readCommitInfo(state).generation).toBe(expected === 'new' ? 2 : 1);
    expect(fs.readdirSync(state).filter((f) => f.startsWith('journal'))).toEqual([]);
    expect(recover(state)).toBe('clean'); // replay is done once
  });

  test('a replay interrupted in turn is finished by the next one', () => {
    const { state, book } = folder();
    const tx = new Transaction(state);
    tx.stage(book, 'b');
    tx.stage(path.join(state, 'x.json'), 'x');
    Transaction.onStep = (s) => {
      if (s === 'committed') throw new Error('killed');
    };
    expect(() => tx.commit('c')).toThrow();
    let applied = 0;
    Transaction.onStep = (s) => {
      if (s.startsWith('applied') && ++applied === 2) throw new Error('killed again');
    };
    expect(() => recover(state)).toThrow('killed again');
    Transaction.onStep = null;
    expect(fs.existsSync(path.join(state, JOURNAL))).toBe(true);
    recover(state);
    expect([read(book), read(path.join(state, 'x.json'))]).toEqual(['b', 'x']);
    expect(fs.existsSync(path.join(state, COMMIT_FILE))).toBe(true);
  });

  test('the state store reads its own staged writes, and writes through without a transaction', () => {
    const { state } = folder();
    const rt = new Runtime({ stateDir: state });
    rt.state!.write('p.json', { v: 1 });
    expect(read(path.join(state, 'p.json'))).toContain('"v": 1'); // no transaction: at once
    rt.transaction = new Transaction(state);
    rt.state!.write('p.json', { v: 2 });
    expect(rt.state!.read('p.json', null)).toEqual({ v: 2 });
    expect(read(path.join(state, 'p.json'))).toContain('"v": 1');
    rt.transaction.commit('t');
    expect(read(path.join(state, 'p.json'))).toContain('"v": 2');
  });
});

describe('the workbook file lock', () => {
  const opts = { command: 'test', wait: true, pollMs: 10 } as const;

  test('exclusive holders take turns; --no-wait fails with the holder named', async () => {
    const { state } = folder();
    const a = await acquireLock(state, { ...opts, mode: 'exclusive' });
    await expect(acquireLock(state, { ...opts, mode: 'exclusive', wait: false, workbook: 'book.xlsx' })).rejects.toThrow(WorkbookBusyError);
    let notices = 0;
    const order: string[] = [];
    const b = acquireLock(state, { ...opts, mode: 'exclusive', noticeAfterMs: 50, onWait: () => notices++ }).then((l) => {
      order.push('b');
      return l;
    });
    await new Promise((r) => setTimeout(r, 150));
    order.push('a released');
    a.release();
    (await b).release();
    expect(order).toEqual(['a released', 'b']);
    expect(notices).toBe(1);
    expect(fs.existsSync(path.join(state, LOCK_FILE))).toBe(false);
  });

  test('readers share; a writer waits for every reader, and readers wait for a writer', async () => {
    const { state } = folder();
    const r1 = await acquireLock(state, { ...opts, mode: 'shared' });
    const r2 = await acquireLock(state, { ...opts, mode: 'shared' });
    let wrote = false;
    const w = acquireLock(state, { ...opts, mode: 'exclusive' }).then((l) => {
      wrote = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 80));
    expect(wrote).toBe(false);
    r1.release();
    await new Promise((r) => setTimeout(r, 80));
    expect(wrote).toBe(false);
    r2.release();
    const writer: FileLock = await w;
    await expect(acquireLock(state, { ...opts, mode: 'shared', wait: false })).rejects.toThrow(WorkbookBusyError);
    writer.release();
    (await acquireLock(state, { ...opts, mode: 'shared', wait: false })).release();
  });

  test('what a dead holder left (lock or reader) is taken over at once, and recovery runs before anyone reads', async () => {
    const { state } = folder();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    const holder = { pid, start: null, host: os.hostname(), command: 'tick', since: new Date().toISOString(), nonce: 'dead' };
    fs.writeFileSync(path.join(state, LOCK_FILE), JSON.stringify(holder));
    fs.mkdirSync(path.join(state, 'readers'));
    fs.writeFileSync(path.join(state, 'readers', `${pid}-x.json`), JSON.stringify({ ...holder, nonce: 'x' }));
    let recovered = 0;
    const t = Date.now();
    const lock = await acquireLock(state, { ...opts, mode: 'exclusive', wait: false, whileExclusive: () => recovered++ });
    expect(Date.now() - t).toBeLessThan(1000);
    expect(recovered).toBe(1);
    expect(fs.readdirSync(path.join(state, 'readers'))).toEqual([]);
    lock.release();
  });
});
