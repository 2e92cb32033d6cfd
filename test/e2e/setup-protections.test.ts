/**
 * Setup's protections in few calls (issue 15, point 5): a new protection's domain edit, like
 * its editors, mirrors the spreadsheet's, so setup reads it once (the mirrors, made by the
 * guard, read their own) and turns it off on every new protection where new protections have
 * it (a Workspace account), never reading it per protection; on a consumer account it has
 * nothing to turn off. Either way no Reglament protection lets the domain in.
 */
import { openHarness } from './harness';
import { RunRecord } from '../../workspace/runtime/workspace';

const count = (run: RunRecord, call: string) => run.calls.find((c) => c.call === call)?.count ?? 0;

describe.each(['workspace', 'consumer'] as const)('setup on a %s account', (account) => {
  test('every Reglament protection is in force without domain edit; a new protection’s domain edit is read once', async () => {
    const h = await openHarness({ locale: 'en', account, domain: account === 'workspace' ? 'example.com' : undefined, now: '2026-11-23T09:00' });
    try {
      // A fresh workbook set up again from nothing: the protections removed, so setup makes them all anew.
      h.ws.spreadsheet.model.protections = [];
      const run = h.ws.invoke('setupWorkbook', { kind: 'editor' });
      expect(run.ok).toBe(true);
      const ours = h.ws.spreadsheet.model.protections.filter((p) => String(p.description).startsWith('Reglament: '));
      expect(ours.length).toBeGreaterThan(30);
      for (const p of ours) {
        expect([p.description, p.domainEdit, p.restricted, p.warningOnly]).toEqual([p.description, false, true, false]);
      }
      // Made anew here: the tabs' protections read domain edit once between them.
      const made = count(run, 'Range.protect') + count(run, 'Sheet.protect');
      expect(made).toBe(ours.length);
      expect(count(run, 'Protection.canDomainEdit')).toBe(1);
      expect(count(run, 'Protection.setDomainEdit')).toBe(account === 'workspace' ? made : 0);
      // A colleague of the owner's domain, not on Staff, may type in no protected column.
      for (const [tab, header] of [
        ['Orders', 'Vacancy'],
        ['Orders', 'Order ID'],
        ['Staff', 'Name'],
        ['Calls', 'Comment'],
      ]) {
        const col = h.ws.spreadsheet.readValues(tab)[0].map(String).indexOf(header) + 1;
        expect(h.ws.spreadsheet.protectedColumns(tab, 2, [col], 'colleague@example.com')).toEqual([col]);
      }
    } finally {
      h.close();
    }
  });
});
