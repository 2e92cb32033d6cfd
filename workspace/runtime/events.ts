/**
 * The edit event object as Google builds it for a person's edit in Sheets.
 * https://developers.google.com/apps-script/guides/triggers/events#edit
 * - value: "New cell value after the edit. Only available if the edited range is a single
 *   cell." oldValue: "Cell value prior to the edit, if any. Only available if the edited
 *   range is a single cell. Will be undefined if the cell had no previous content."
 * - A cell typed by hand is the only case with them: a multi-cell edit, a paste (even into
 *   one cell), a drag-fill and a multi-cell delete carry neither (Google's documentation is
 *   silent on pastes; users' reports — e.g. tanaikech's "Enhanced onEdit(e)" and
 *   GetEditType library — show no value and no oldValue for a paste, and that is the less
 *   convenient reading).
 * - Clearing one typed cell (Delete) arrives with oldValue and without value (GetEditType:
 *   "value" absent and oldValue set means the value was removed). Older Sheets sent value
 *   as an object {oldValue: …}; the product must not read e.value as the new value either way.
 * - Both are text, as Sheets shows the cell's value to the event: numbers as their digits,
 *   ticks as "TRUE"/"FALSE", dates and times as their serial number (days since 1899-12-30
 *   in the spreadsheet's zone) — never Date objects (users' reports; the docs give only
 *   the examples 10 and 1234).
 * - user: "A User object, representing the active user, if available (depending on a
 *   complex set of security restrictions)": the same visibility as Session.getActiveUser()
 *   (services/session visibleEditor); a simple trigger never names anyone.
 * - authMode LIMITED for the simple trigger, FULL for an installable one, which also has
 *   triggerUid.
 */
import type { Execution, Limits } from './runtime';
import { visibleTo } from '../services/session';
import { serialFromInstant } from './tz';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** How the person changed the cells. */
export type EditShape = 'typed' | 'paste';

/** A cell's value as the event carries it (text); undefined for an empty cell. */
export function eventText(v: unknown, timeZone: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true) return 'TRUE';
  if (v === false) return 'FALSE';
  if (Object.prototype.toString.call(v) === '[object Date]')
    return String(Number(serialFromInstant((v as Date).getTime(), timeZone).toFixed(10)));
  return String(v);
}

export interface EditEventInput {
  range: Range;
  shape: EditShape;
  /** For one typed cell: the value now and before (as getValues gives them). */
  newValue?: unknown;
  oldValue?: unknown;
  /** The spreadsheet's time zone (dates go as serial numbers of its wall clock). */
  timeZone: string;
}

/**
 * The event for one trigger run `run` (the editor as active user; the simple trigger runs
 * as the editor, an installable one as its creator), naming whom that run may see.
 */
export function editEvent(
  run: Execution,
  limits: Pick<Limits, 'account' | 'domain'>,
  input: EditEventInput,
  triggerUid?: string,
): Record<string, unknown> {
  const email = visibleTo(run, limits);
  const authMode = run.trigger === 'simple' ? 'LIMITED' : 'FULL';
  const single = input.range.getNumRows() === 1 && input.range.getNumColumns() === 1;
  const event: Record<string, unknown> = {
    authMode,
    range: input.range,
    source: input.range.getSheet().getParent(),
    user: { getEmail: () => email, getNickname: () => (email ? email.split('@')[0] : ''), toString: () => email },
  };
  if (single && input.shape === 'typed') {
    const value = eventText(input.newValue, input.timeZone);
    const old = eventText(input.oldValue, input.timeZone);
    if (value !== undefined) event.value = value;
    if (old !== undefined) event.oldValue = old;
  }
  if (triggerUid) event.triggerUid = triggerUid;
  return event;
}
