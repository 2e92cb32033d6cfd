/**
 * Who may change which cells of a row, checked on the server for every UI action (the page
 * is never trusted): the department rules of core/permissions, the owner, a call's managers.
 *
 * A UI action runs as the person who clicked, not as the workbook owner, so it writes only
 * the person's own cells (write.ts) and lets the rules do the rest.
 */
import { canEdit, StaffDirectory } from '../../core/permissions';
import { TabKey } from '../../core/schema';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { orderSalesManagers } from '../../features/calls/managers';
import { ui } from './messages';
import { Refusal } from './rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet owner's e-mail ('' when Google does not say, e.g. on a shared drive). */
export function ownerEmail(ss: Spreadsheet): string {
  try {
    const owner = ss.getOwner();
    return owner ? owner.getEmail() : '';
  } catch (e) {
    return '';
  }
}

/**
 * Why `user` may not change these columns of the row (empty when allowed), in the locale.
 * `values` are what the person would write (a call set to Done).
 */
export function refusals(
  ctx: RunContext,
  user: string,
  owner: string,
  tab: TabKey,
  columns: readonly string[],
  row?: Record<string, unknown>,
  values: Record<string, unknown> = {},
): string[] {
  const staff: StaffDirectory = ctx.staff();
  const out: string[] = [];
  // A call's managers include the Sales manager of its order.
  const sm = tab === 'calls' && row ? orderSalesManagers(ctx, [cellText(row.orderId)]).get(cellText(row.orderId).trim()) : undefined;
  for (const key of columns) {
    const d = canEdit(user, tab, key, staff, { ownerEmail: owner, row, value: values[key], callManagers: sm ? [sm] : [] });
    if (!d.allowed) {
      const text = ctx.locale === 'en' ? d.en : d.ru;
      if (out.indexOf(text) < 0) out.push(text);
    }
  }
  return out;
}

export function assertMayEdit(
  ctx: RunContext,
  user: string,
  owner: string,
  tab: TabKey,
  columns: readonly string[],
  row?: Record<string, unknown>,
  values: Record<string, unknown> = {},
): void {
  const reasons = refusals(ctx, user, owner, tab, columns, row, values);
  if (reasons.length) throw new Refusal(`${ui(ctx.locale, 'refused')} ${reasons[0]}`, reasons);
}

/** Is this run the owner's (so the rules may run in it)? */
export function runsAsOwner(owner: string): boolean {
  const me = Session.getEffectiveUser().getEmail();
  return !!owner && !!me && owner.toLowerCase() === me.toLowerCase();
}
