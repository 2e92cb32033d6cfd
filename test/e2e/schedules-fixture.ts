/** A workbook with staff and one paid order, for the schedules tests (not a test file itself). */
import { openHarness, Harness } from './harness';

export const SALES = 'anna.sales@example.com';
export const HR = 'irina.hr@example.com';
export const HR2 = 'oleg.hr@example.com';
export const CLIENT_DEPT = 'client.dept@example.com';
export const BOSS = 'boss@example.com';
export const HR_BOSS = 'hr.head@example.com';
export const CLIENT = 'petr@romashka.example';

export function order(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    Client: 'ООО «Ромашка» <b>bold</b>',
    'Contact person': 'Пётр Иванов',
    'Client e-mail': CLIENT,
    'Client phone': '+7 999 123-45-67',
    'Client language': 'English',
    Vacancy: 'Call-centre operator',
    'Vacancy description': 'Inbound calls',
    'Fintops company link': 'https://fintops.example/company/42',
    'Request link': 'https://docs.example/request/42',
    'Publication from': '2026-10-19',
    'Publication to': '2026-11-06',
    'Paid services': 'Resume selection',
    'Paid from': '2026-10-19',
    'Paid to': '2026-11-06',
    Sum: '45000',
    'Payment received': '2026-10-19',
    'Sales manager': SALES,
    Terms: 'Standard',
    'HR specialist': HR,
    ...overrides,
  };
}

export interface Options {
  timeZone?: string;
  now?: string;
  locale?: 'ru' | 'en';
  /** Default consumer (Google names no editor but the owner); workspace: example.com sees its own. */
  account?: 'consumer' | 'workspace';
}

/** Staff (Sales, two HR with their head, Management), the Client-department e-mail. */
export async function workbook(options: Options = {}): Promise<Harness> {
  const h = await openHarness({
    locale: options.locale ?? 'en',
    timeZone: options.timeZone ?? 'Europe/Berlin',
    now: options.now ?? '2026-10-19T09:00',
    account: options.account,
  });
  h.edit('Settings', 4, { Value: CLIENT_DEPT }, h.ws.owner);
  const staff: Array<[string, string, string, string]> = [
    ['Anna', SALES, 'Sales', BOSS],
    ['Irina', HR, 'HR', HR_BOSS],
    ['Oleg', HR2, 'HR', HR_BOSS],
    ['Head of HR', HR_BOSS, 'Management', ''],
    ['Client dept', CLIENT_DEPT, 'Client department', BOSS],
    ['Boris', BOSS, 'Management', ''],
  ];
  for (const [name, email, dept, manager] of staff)
    h.edit('Staff', 'new', { Name: name, 'E-mail': email, Department: dept, 'Manager e-mail': manager }, h.ws.owner);
  h.timer(); // the staff's access to their departments' columns
  return h;
}

/** Files the order, hands it off as Sales and has HR receive it; returns its sheet row. */
export function handedOff(h: Harness, hrReceived: string, overrides: Record<string, string> = {}, at = '2026-10-19T09:30'): number {
  h.edit('Orders', 'new', order(overrides), SALES, at);
  const row = h.rows('Orders').length + 1;
  h.edit('Orders', row, { 'Hand off': 'TRUE' }, SALES);
  const rec = h.rows('Orders')[row - 2];
  if (!rec['Handed off at']) throw new Error(`not handed off: ${rec['Problems']}`);
  if (hrReceived) h.edit('Orders', row, { 'HR received': hrReceived }, HR);
  return row;
}

export const iso = (v: unknown): string =>
  v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v);

/** Selections rows of an order as [No., selection date, calling date, report due] in the zone's dates (UTC ISO for the due). */
export function selections(h: Harness, orderId?: string): Array<Record<string, unknown>> {
  return h.rows('Selections').filter((r) => !orderId || r['Order ID'] === orderId);
}
