/**
 * What the sidebar shows for a row: status, a checklist of what is missing (from the same
 * core rules the features apply), the upcoming reminders (Outbox rows whose key names the
 * row's ID), the events, the row's last Log lines, and the actions this person may take.
 * Read-only: tabs are read once each, the Log only at its end, one Calendar call at most.
 * Each tab's part is its own module: orderState.ts (Orders, HR agreements), callState.ts
 * (Calls), history.ts (reminders, Log, waiting edits).
 */
import { tabName } from '../../core/schema';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { callsState } from './callState';
import { logOf, pendingOf, remindersOf } from './history';
import { agreementsState, ordersState } from './orderState';
import { locate, RowAt, RowRef } from './rows';
import { emptyState, SidebarState } from './view';

export function sidebarState(ctx: RunContext, ref: RowRef | null, user: string, owner: string): SidebarState {
  const state = emptyState(ctx, user);
  const at = locate(ctx, ref);
  if (!at) return state;
  state.hint = '';
  state.ref = { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id };
  state.tabLabel = tabName(at.tab.def, ctx.locale);
  const covered: string[] =
    at.key === 'orders'
      ? ordersState(ctx, at, state, user, owner)
      : at.key === 'agreements'
        ? agreementsState(ctx, at, state, user, owner)
        : callsState(ctx, at, state, user, owner);
  recorded(at, state, covered);
  state.reminders = remindersOf(ctx, at.id);
  state.log = logOf(ctx, at);
  state.pending = pendingOf(ctx, at);
  return state;
}

/** The Problems cell's lines that the checklist does not already say. */
function recorded(at: RowAt, state: SidebarState, covered: string[]): void {
  const shown = new Set<string>([...state.checklist.map((c) => c.detail), ...state.problems, ...covered]);
  for (const line of cellText(at.rec.problems).split('\n')) {
    const t = line.trim();
    if (t && !shown.has(t)) {
      state.problems.push(t);
      shown.add(t);
    }
  }
}
