import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { Realm, Runtime, RuntimeOptions } from '../../../workspace/runtime/runtime';
import { createSpreadsheetService, SpreadsheetFake, SpreadsheetOptions } from '../../../workspace/services/spreadsheet';

/** A realm like the bundle's: a vm context, so `instanceof Date` across realms is exercised. */
export function vmRealm(): Realm {
  return vm.runInNewContext('({ Date, Error, Array, Object })') as Realm;
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-fake-'));
}

// The fake's objects are untyped at this boundary; tests drive them as the bundle would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;

export async function setup(
  rtOptions: RuntimeOptions = {},
  options: SpreadsheetOptions = {},
): Promise<{ rt: Runtime; fake: SpreadsheetFake; app: Any; ss: Any; sheet: Any }> {
  const rt = new Runtime({ now: new Date('2024-03-05T09:00:00Z'), realm: vmRealm(), ...rtOptions });
  const fake = await createSpreadsheetService(rt, options);
  const app: Any = fake.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  return { rt, fake, app, ss, sheet: ss.getSheets()[0] };
}

/** The error a call throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an exception');
}
