/** A workbook with staff of every department and orders, for the UI callbacks and the browser tests. */
import { openHarness, Harness } from '../e2e/harness';
import { RunRecord } from '../../workspace/runtime/workspace';

export const SALES = 'anna.sales@example.com';
export const HR = 'irina.hr@example.com';
export const CLIENT_DEPT = 'client.dept@example.com';
export const BOSS = 'boss@example.com';
export const STRANGER = 'stranger@example.com';

export const COMPLETE_ORDER: Record<string, string> = {
  Client: 'Acme <b>Ltd</b>',
  'Contact person': 'Peter Ivanov',
  'Client e-mail': 'peter@acme.example',
  'Client phone': '+7 999 123-45-67',
  'Client language': 'English',
  Vacancy: 'Call-centre operator',
  'Vacancy description': 'Inbound calls, 5/2',
  'Fintops company link': 'https://fintops.example/company/42',
  'Request link': 'https://docs.example/request/42',
  'Publication from': '2026-11-23',
  'Publication to': '2026-12-23',
  'Paid services': 'Resume selection',
  'Paid from': '2026-11-23',
  'Paid to': '2026-12-31',
  Sum: '45000',
  'Payment received': '2026-11-23',
  'Sales manager': SALES,
  Terms: 'Standard',
  'HR specialist': HR,
};

/** Settings, Staff (then setup again, so the department columns are protected for their department), two candidates. */
export async function uiWorkbook(options: { locale?: 'ru' | 'en'; timeZone?: string; now?: string; dir?: string } = {}): Promise<Harness> {
  const h = await openHarness({
    locale: options.locale ?? 'en',
    timeZone: options.timeZone ?? 'America/New_York',
    now: options.now ?? '2026-11-23T09:00',
    dir: options.dir,
  });
  h.edit('Settings', 4, { Value: CLIENT_DEPT }, h.ws.owner);
  const staff: Array<[string, string, string]> = [
    ['Anna', SALES, 'Sales'],
    ['Irina', HR, 'HR'],
    ['Client dept', CLIENT_DEPT, 'Client department'],
    ['Boris', BOSS, 'Management'],
  ];
  for (const [name, email, dept] of staff)
    h.edit('Staff', 'new', { Name: name, 'E-mail': email, Department: dept, 'Manager e-mail': BOSS }, h.ws.owner);
  const setup = h.ws.invoke('setupWorkbook', { kind: 'editor' });
  if (!setup.ok) throw new Error(setup.error);
  h.edit('Candidates', 'new', { 'Candidate ID': 'C-1', Name: 'Olga', 'E-mail': 'olga@mail.example', 'Order ID': 'ORD-2026-0001' }, HR);
  h.edit(
    'Candidates',
    'new',
    { 'Candidate ID': 'C-2', Name: 'Ivan <i>the</i> Great', 'E-mail': 'ivan@mail.example', 'Order ID': 'ORD-2026-0001' },
    HR,
  );
  return h;
}

/** Runs a top-level function as `user` from the UI (a menu item or google.script.run), with the selection on a row. */
export function asUser<T = unknown>(
  h: Harness,
  user: string,
  fn: string,
  args: unknown[] = [],
  select?: { sheet: string; row: number },
): T & { run: RunRecord } {
  if (select) h.ws.spreadsheet.setActive(select.sheet, select.row, 1);
  const run = h.ws.invoke(fn, { kind: 'ui', user, args });
  if (!run.ok) throw new Error(`${fn} failed: ${run.error}`);
  return Object.assign(JSON.parse(JSON.stringify(run.result ?? null)) ?? {}, { run }) as T & { run: RunRecord };
}
