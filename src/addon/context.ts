/**
 * What every add-on callback starts from: the coordination spreadsheet (its ID from the
 * add-on's script properties), opened as the signed-in person, and that person. The add-on
 * runs with the person's rights only: it writes their cells (the sidebar's writeAsPerson,
 * the same permission table) and hands the rest to the engine (queue.ts); it never writes
 * the Log, the Outbox, system columns, mail or events.
 */
import { findStaff } from '../core/permissions';
import { openContext, RunContext } from '../app/context';
import { ownerEmail } from '../ui/server/rights';
import { Refusal } from '../ui/server/rows';
import { handEditsTo } from '../ui/server/write';
import { queueSink, SECRET_PROPERTY } from './queue';
import { say } from './text';

export const SPREADSHEET_PROPERTY = 'REGLAMENT_SPREADSHEET_ID';

export interface AddonRun {
  ctx: RunContext;
  user: string;
  owner: string;
  /** The person's Staff row (null: not staff — the cards show nothing of the workbook). */
  staff: ReturnType<typeof findStaff> | null;
}

/** Not connected, not staff: shown as a card, not a failure. */
export class AddonStop extends Error {}

export function openAddon(): AddonRun {
  const props = PropertiesService.getScriptProperties();
  const id = props.getProperty(SPREADSHEET_PROPERTY);
  const secret = props.getProperty(SECRET_PROPERTY);
  if (!id || !secret) throw new AddonStop(say('ru', 'notConnected'));
  const ss = SpreadsheetApp.openById(id);
  const user = Session.getActiveUser().getEmail();
  const ctx = openContext(ss, new Date(), user);
  handEditsTo(queueSink(ss, secret));
  const staff = user ? (findStaff(ctx.staff(), user) ?? null) : null;
  if (!staff) throw new AddonStop(say(ctx.locale, 'notStaff', { user: user || '?' }));
  return { ctx, user, owner: ownerEmail(ss), staff };
}

export function isRefusal(e: unknown): e is Refusal {
  return e instanceof Refusal;
}
