/**
 * Who joins a department on Staff gets its columns from the next tick, within 5 minutes, not
 * in the edit: each protection gaining an editor is a round trip (15 for a Sales member,
 * ~2.3 s), and a Staff edit stays under 1.5 s (issue 15). Who leaves loses access in the edit
 * itself (google/protections.ts refreshEditors, run by the guard after the features). Until
 * the tick, Google's protections keep the joiner out — the stricter side — and the edit says
 * so: a toast and a Log line naming who waits. needsTick has the next tick run in full
 * (app/gate.ts RETRY), and the orders tick grants what waits (one property read otherwise).
 */
import { localizer } from '../../core/i18n';
import { tabDef, tabName } from '../../core/schema';
import { RunContext } from '../../app/context';
import { TabEdit } from '../../app/feature';
import { grantWaitingEditors, groupsOf, joinersWaiting } from '../../google/protections';

const TEXT = {
  title: { ru: 'Доступ сотрудников', en: 'Staff access' },
  waits: {
    ru: 'Доступ к столбцам отдела откроется в течение 5 минут: {emails}',
    en: "Access to the department's columns opens within 5 minutes: {emails}",
  },
  logWaits: { ru: 'Доступ откроется в течение 5 минут', en: 'Access within 5 minutes' },
  logGranted: { ru: 'Доступ открыт', en: 'Access opened' },
} as const;

const say = localizer<keyof typeof TEXT>(TEXT);

/**
 * A Staff edit: does anyone join a group whose protections do not let them in yet? Then the
 * person editing is told, the Log keeps it, and the next tick must run (true).
 */
export function staffAccessWaits(ctx: RunContext, edit: TabEdit): boolean {
  if (edit.tab !== 'staff') return false;
  const joiners = joinersWaiting(groupsOf(ctx.staff()));
  if (joiners.length === 0) return false;
  const emails = joiners.join(', ');
  ctx.ss.toast(say(ctx.locale, 'waits', { emails }), say(ctx.locale, 'title'));
  ctx.log({ tab: staffTab(ctx), rowKey: '', action: say(ctx.locale, 'logWaits'), details: emails });
  return true;
}

/** The tick: the protections let in who joined since the last Staff edit (nothing read of Staff when none wait). */
export function grantStaffAccess(ctx: RunContext): void {
  let joiners: string[] = [];
  const staff = () => {
    const groups = groupsOf(ctx.staff());
    joiners = joinersWaiting(groups);
    return groups;
  };
  const owner = Session.getEffectiveUser().getEmail();
  grantWaitingEditors(ctx.ss, owner, staff, ctx.sheets);
  if (joiners.length) ctx.log({ tab: staffTab(ctx), rowKey: '', action: say(ctx.locale, 'logGranted'), details: joiners.join(', ') });
}

function staffTab(ctx: RunContext): string {
  return ctx.sheets.get('staff')?.getName() ?? tabName(tabDef('staff'), ctx.locale);
}
