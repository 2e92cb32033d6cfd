/** A workbook with staff, candidates and two orders, for the Calls tests (not a test file itself). */
import { openHarness, Harness } from './harness';
import { Limits } from '../../workspace/runtime/runtime';
import { bulkLoad } from '../../workspace/bench/report';

export const SALES = 'anna.sales@example.com';
export const BOSS = 'boss@example.com';
export const LEAD = 'lena.lead@example.com';
export const DEPUTY = 'dan.deputy@example.com';
export const HIRED = 'new.hire@example.com';
export const CLIENT = 'john@acme.example';
export const RU_CLIENT = 'petr@romashka.example';
export const SENDER = 'Staffing Partners';

export const CANDIDATES: Array<[string, string, string]> = [
  ['C-1', 'Alice Brown', 'alice@example.com'],
  ['C-2', 'Bob Green', 'bob@example.com'],
  ['C-3', 'Carol White', 'carol@example.com'],
];

export interface WorkbookOptions {
  timeZone?: string;
  now?: string;
  limits?: Partial<Limits>;
  /** Extra candidates C-4… loaded directly (for 30 guests, or a large workbook). */
  extraCandidates?: number;
  /** Default consumer; workspace (example.com) when a test needs Google to name the editor. */
  account?: 'consumer' | 'workspace';
}

export async function callsWorkbook(options: WorkbookOptions = {}): Promise<Harness> {
  const h = await openHarness({
    locale: 'en',
    timeZone: options.timeZone ?? 'America/New_York',
    now: options.now ?? '2026-11-23T09:00',
    limits: options.limits,
    account: options.account,
    senderName: SENDER,
  });
  const staff: Array<Record<string, string>> = [
    { Name: 'Anna', 'E-mail': SALES, Department: 'Sales', 'Manager e-mail': BOSS },
    { Name: 'Boris', 'E-mail': BOSS, Department: 'Management' },
    { Name: 'Lena Lead', 'E-mail': LEAD, Department: 'Client department', 'Manager e-mail': BOSS, 'Deputy e-mail': DEPUTY },
    { Name: 'Dan Deputy', 'E-mail': DEPUTY, Department: 'Client department', 'Manager e-mail': BOSS },
    { Name: 'Nina New', 'E-mail': HIRED, Department: 'Client department', 'Manager e-mail': BOSS },
  ];
  for (const s of staff) h.edit('Staff', 'new', s, h.ws.owner);
  h.timer(); // the staff's access to their departments' columns
  for (const [id, name, email] of CANDIDATES)
    h.edit('Candidates', 'new', { 'Candidate ID': id, Name: name, 'E-mail': email, 'Order ID': 'ORD-2026-0001', Status: 'New' }, h.ws.owner);
  if (options.extraCandidates) {
    const rows = Array.from({ length: options.extraCandidates }, (_, i) => [
      `C-${i + 4}`,
      `Candidate ${i + 4}`,
      `c${i + 4}@example.com`,
      '',
      'ORD-2026-0001',
      'New',
    ]);
    bulkLoad(h.ws, 'Candidates', rows, CANDIDATES.length + 2);
  }
  h.edit(
    'Orders',
    'new',
    {
      Client: 'Acme <b>Corp</b>',
      'Contact person': 'John Smith',
      'Client e-mail': CLIENT,
      'Client language': 'English',
      'Sales manager': SALES,
    },
    SALES,
  );
  h.edit(
    'Orders',
    'new',
    {
      Client: 'ООО «Ромашка»',
      'Contact person': 'Пётр Иванов',
      'Client e-mail': RU_CLIENT,
      'Client language': 'Russian',
      'Sales manager': SALES,
    },
    SALES,
  );
  return h;
}

/** Types a new Calls row as the sales manager; returns the row as written back. */
export function schedule(h: Harness, cells: Record<string, string>, at?: string): Record<string, unknown> {
  const runs = h.edit('Calls', 'new', cells, SALES, at);
  for (const r of runs) if (!r.ok) throw new Error(`${r.fn} failed: ${r.error}`);
  const rows = h.rows('Calls');
  return rows[rows.length - 1];
}

/** The sheet row (2…) of a call in the Calls tab. */
export function rowOf(h: Harness, callId: string): number {
  return h.rows('Calls').findIndex((r) => r['Call ID'] === callId) + 2;
}

export function call(h: Harness, callId: string): Record<string, unknown> {
  const row = h.rows('Calls').find((r) => r['Call ID'] === callId);
  if (!row) throw new Error(`no call ${callId}`);
  return row;
}

export function outboxOf(h: Harness, callId: string): Array<Record<string, unknown>> {
  return h.rows('Outbox').filter((r) => String(r['Key']).startsWith(`${callId}|`));
}

/** The events guests are invited to (the calls' own, not their staff-only twins nor HR days). */
export function callEvents(h: Harness, calendarId?: string) {
  return h.ws.calendar.events(calendarId).filter((e) => e.extendedProperties?.private?.reglament === 'call');
}

/** The staff-only twins of the calls. */
export function notesEvents(h: Harness, calendarId?: string) {
  return h.ws.calendar.events(calendarId).filter((e) => e.extendedProperties?.private?.reglament === 'notes');
}

export function mailsTo(h: Harness, to: string) {
  return h.ws.mail.sent().filter((m) => m.to.includes(to));
}

/** Mails to a candidate other than the interview notice (seed 003: the client, date and time, sent once an Interview is scheduled). */
export function remindersTo(h: Harness, to: string) {
  return mailsTo(h, to).filter((m) => !/^(Interview with |Собеседование с )/.test(m.subject));
}

export function iso(v: unknown): string {
  return (v as Date).toISOString();
}

export const FIRST_CALL_COMMENT = [
  'Company Name: Acme Corp',
  'Company Website: https://acme.example',
  'Contact Person: John Smith',
  'Product: CRM for dentists <script>',
  'Specialties: SaaS',
  'Country-Location: USA',
  'Target Audience: ',
  'Immediate Requirement: 2 sales reps',
  'Future needs: support team',
  'Next Step: send the offer',
  'Next Contact Date: 2026-12-01',
  'SM: Anna',
].join('\n');
