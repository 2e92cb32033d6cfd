/**
 * The staff's window (issue 7) on a big workbook: 10,000 orders, 2,000 calls, 10,000 Outbox
 * rows and 5,000 Log lines. What one sidebar refresh, one selection poll, the Schedule a
 * call form, and a call scheduled and a hand-off made from the window cost. Target: each
 * well under the 30 s a google.script.run call may take, with service calls that do not
 * grow with the rows (each tab is read once; the Log only at its end).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkspace } from '../runtime/workspace';
import { personEdit } from '../cli';
import { BenchCase, BenchFigure, bulkLoad } from './report';
import { tabDef } from '../../src/core/schema';

const SALES = 'anna.sales@example.com';
const BOSS = 'boss@example.com';

function row(key: 'orders' | 'calls' | 'outbox' | 'log', rec: Record<string, unknown>): unknown[] {
  return tabDef(key).columns.map((c) => rec[c.key] ?? '');
}

export const uiBench: BenchCase = {
  name: 'ui: the sidebar and dialogs on 10,000 orders, 2,000 calls, 10,000 Outbox rows, 5,000 Log lines',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-bench-'));
    try {
      const ws = await LocalWorkspace.open({
        workbook: path.join(dir, 'ui.xlsx'),
        create: true,
        locale: 'en',
        timeZone: 'America/New_York',
        now: new Date('2026-11-23T14:00:00Z'),
      });
      ws.invoke('setupWorkbook', { kind: 'editor' });
      personEdit(ws, 'Settings', '4', [['Value', 'client.dept@example.com']], ws.owner);
      bulkLoad(ws, 'Staff', [
        ['Anna', SALES, 'Sales', BOSS],
        ['Boris', BOSS, 'Management', ''],
      ]);
      const day = (d: number) => new Date(Date.UTC(2026, 10, d, 5));
      bulkLoad(
        ws,
        'Orders',
        Array.from({ length: 10000 }, (_, i) =>
          row('orders', {
            orderId: `ORD-2026-${String(i + 1).padStart(5, '0')}`,
            client: `Client ${i}`,
            contactPerson: 'Contact',
            clientEmail: `c${i}@example.com`,
            clientPhone: '+1 212 555 0100',
            vacancy: 'Operator',
            vacancyDescription: 'Inbound',
            fintopsCompanyLink: `https://fintops.example/c/${i}`,
            requestLink: `https://docs.example/request/${i}`,
            publicationFrom: day(1),
            publicationTo: day(30),
            paidServices: 'Candidate calling',
            paidFrom: day(1),
            paidTo: new Date(Date.UTC(2026, 11, 31, 5)),
            sum: 45000,
            paymentReceived: day(2),
            salesManager: SALES,
            terms: 'Standard',
          }),
        ),
      );
      bulkLoad(
        ws,
        'Calls',
        Array.from({ length: 2000 }, (_, i) =>
          row('calls', {
            callId: `CALL-2026-${String(i + 1).padStart(5, '0')}`,
            type: 'First call',
            orderId: `ORD-2026-${String((i % 50) + 1).padStart(5, '0')}`,
            start: day(25),
            clientEmail: 'x@example.com',
            managerEmail: BOSS,
          }),
        ),
      );
      bulkLoad(
        ws,
        'Outbox',
        Array.from({ length: 10000 }, (_, i) =>
          row('outbox', {
            key: `CALL-2026-${String((i % 2000) + 1).padStart(5, '0')}|x@example.com|15`,
            due: day(25),
            recipient: 'x@example.com',
            subject: 'Reminder',
            state: 'Sent',
          }),
        ),
      );
      bulkLoad(
        ws,
        'Log',
        Array.from({ length: 5000 }, (_, i) =>
          row('log', {
            time: day(20),
            user: SALES,
            tab: 'Orders',
            rowKey: `ORD-2026-${String((i % 10000) + 1).padStart(5, '0')}`,
            action: 'Edit',
            details: '',
          }),
        ),
      );
      await ws.save();
      ws.invoke('setupWorkbook', { kind: 'editor' });
      const figures: BenchFigure[] = [];
      const ref = { sheet: 'Orders', row: 5002, id: 'ORD-2026-05001' };
      const measure = (label: string, fn: string, args: unknown[], user = SALES) =>
        figures.push({ label, record: ws.invoke(fn, { kind: 'ui', user, args }) });
      ws.spreadsheet.setActive('Orders', 5002, 1);
      measure('sidebar refresh on an order (uiSidebarState, as Sales)', 'uiSidebarState', [ref]);
      measure('selection poll (uiSelection)', 'uiSelection', []);
      measure('sidebar refresh on a call (uiSidebarState, one Calendar read)', 'uiSidebarState', [
        { sheet: 'Calls', row: 3, id: 'CALL-2026-00002' },
      ]);
      measure('Schedule a call form (uiScheduleForm)', 'uiScheduleForm', [ref]);
      measure(
        'Schedule a call, by the owner: the row typed and the Calls rules run at once',
        'uiScheduleCall',
        [{ type: 'first', orderId: 'ORD-2026-05001', start: '2026-11-30T10:00', clientEmail: 'c5000@example.com', managerEmail: BOSS }],
        ws.owner,
      );
      measure('Schedule a call, by Sales: the row typed and queued for the owner', 'uiScheduleCall', [
        { type: 'first', orderId: 'ORD-2026-05001', start: '2026-11-30T11:00', clientEmail: 'c5000@example.com', managerEmail: BOSS },
      ]);
      measure('Hand off, by the owner (the hand-off rules and the e-mail)', 'uiHandOff', [ref], ws.owner);
      const typed = personEdit(ws, 'Orders', '5003', [['Hand off', 'TRUE']], SALES).runs.find((r) => r.fn === 'onEditInstallable');
      figures.push({ label: 'for comparison: the same hand-off typed into the cell (onEditInstallable)', record: typed });
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
