/**
 * Check this sheet (menu): the owner's run re-checks the tab at once through dispatch; anyone
 * else's is queued for the owner's tick. Then a summary of the rows the Problems column flags.
 */
import { findTab, tabName } from '../../core/schema';
import { cellText, isBlank } from '../../core/values';
import { RunContext } from '../../app/context';
import { ui } from './messages';
import { ActionOutcome } from './outcome';
import { enqueue } from './queue';
import { canRecheck, recheckTabLocked } from './recheck';
import { runsAsOwner } from './rights';
import { ID_KEY, refuse, UiTab } from './rows';

export function checkSheet(ctx: RunContext, sheetName: string, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const def = findTab(sheetName) ?? refuse(L, 'checkNotATab', { sheet: sheetName });
  let note = '';
  let queued = false;
  if (!canRecheck(def.key)) {
    // Nothing to re-apply here: the summary below is all.
  } else if (runsAsOwner(owner)) {
    const changed = recheckTabLocked(ctx, def.key, () => refuse(L, 'busy'));
    note = ui(L, 'checkRechecked', { changed });
  } else {
    enqueue({ kind: 'check', tab: def.key, row: 0, col: 0, numCols: 0, id: '', user, at: ctx.now.toISOString(), label: ui(L, 'menuCheck') });
    note = ui(L, 'checkQueued');
    queued = true;
  }
  const tab = ctx.tab(def.key);
  const rows = tab ? tab.rows.filter((r) => r.some((v) => !isBlank(v))) : [];
  const idKey = ID_KEY[def.key as UiTab];
  const flagged: string[] = [];
  if (tab && tab.columns.index.problems !== undefined) {
    tab.rows.forEach((r, i) => {
      const problems = cellText(r[tab.columns.index.problems]);
      if (!problems) return;
      const key = idKey && tab.columns.index[idKey] !== undefined ? cellText(r[tab.columns.index[idKey]]) : '';
      flagged.push(`${key || `#${i + 2}`} (${ui(L, 'labelRow')} ${i + 2}): ${problems.split('\n')[0]}`);
    });
  }
  const message = [ui(L, 'checkDone', { tab: tabName(def, L), rows: rows.length, flagged: flagged.length }), note].filter(Boolean).join(' ');
  return { ok: true, message, details: flagged.slice(0, 15), queued, ref: null };
}
