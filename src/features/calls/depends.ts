/**
 * What the calls' tick reads from other features' tabs (app/feature.ts needsTick): an edit
 * there has the next tick run in full, so the calls follow it within 5 minutes — a candidate
 * added for a call waiting for them, a new address, a Staff change, a Setting, an Interview
 * booked in Calling results. Other edits of those tabs (a Vacancy, a refusal typed) change
 * nothing the calls show, and the tick after them only re-plans.
 */
import { RunContext } from '../../app/context';
import { TabEdit } from '../../app/feature';
import { findChoice, OUTCOMES } from '../../core/schema';
import { isLoaded, readTabBlock } from '../../google/workbook';
import { recordOf } from '../../google/records';
import { minOf, maxOf } from '../../core/values';

/** Orders columns the calls read (orderIndex, the First call's client status). */
const ORDER_COLUMNS = ['orderId', 'client', 'contactPerson', 'clientLanguage', 'clientEmail', 'otherContacts', 'clientTimeZone', 'clientStatus'];
/** Calling results columns a booked interview is made of (rules/booked.ts). */
const RESULT_COLUMNS = ['date', 'orderId', 'candidateId', 'outcome', 'interviewAt'];

const touches = (edit: TabEdit, columns: readonly string[]) => edit.columns.length === 0 || edit.columns.some((c) => columns.indexOf(c) >= 0);

export function callsDependOn(ctx: RunContext, edit: TabEdit): boolean {
  switch (edit.tab) {
    case 'candidates':
    case 'staff':
    case 'settings':
      return true;
    case 'orders':
      return touches(edit, ORDER_COLUMNS);
    case 'callingResults':
      // A booking that no longer stands has its reminders cancelled by the tick they are due in; a new one needs them planned.
      return touches(edit, RESULT_COLUMNS) && editedRowsBooked(ctx, edit);
    default:
      return false;
  }
}

function editedRowsBooked(ctx: RunContext, edit: TabEdit): boolean {
  if (edit.rows.length === 0) return false;
  const block = edit.block ?? readTabBlock(ctx.sheets.get('callingResults'), 'callingResults', minOf(edit.rows), maxOf(edit.rows));
  if (!block) return false;
  return edit.rows.some((i) => {
    const row = block.rows[i];
    if (!isLoaded(row)) return true; // not read: the tick decides
    return findChoice(OUTCOMES, String(recordOf(block, row).outcome ?? ''))?.key === 'interview';
  });
}
