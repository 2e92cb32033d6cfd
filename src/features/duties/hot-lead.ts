/**
 * A hot lead (seed 001: «"горячий" лид … передаётся менеджерам клиента в течение 5–10 минут,
 * в идеале в один клик»): a Calling results row with Outcome «Горячий лид» / "Hot lead"
 * reaches the client within 10 minutes, by itself.
 *
 * The edit notes the row in a script property (HOT_LEADS: data row index → when noted);
 * every edit marks the gated tick's plan (app/gate.ts), and the property keeps the gate open
 * until the lead went, so the next tick (≤ 5 minutes) sends it: to the order's Client e-mail
 * in the client's language, with the contact (Candidates' name and e-mail when the ID is
 * there, the phone) and the operator's comment, the sales manager as Reply-To. Outbox key
 * hotlead|order|candidate (or phone): one mail per lead, whatever re-runs or re-edits.
 * The tick reads only the noted rows, not the tab's history. Google's documentation gives
 * no guarantee that an onEdit fires for script writes or imports: a lead typed that way is
 * not seen (the less convenient reading; a person's edit always is).
 */
import { OUTCOMES, findChoice } from '../../core/schema';
import { cellText, maxOf, minOf, phoneDigits, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { TabEdit } from '../../app/feature';
import { recordOf } from '../../google/records';
import { isLoaded, readTabBlock } from '../../google/workbook';
import { Mailer, MailResult } from '../../mail/mailer';
import { formatInstant } from '../schedules/rules/messages';
import { clientEmail, clientLanguage, isCancelled, orderRows, salesManager } from './orders';
import { say } from './rules/messages';

/** Script property of the leads waiting to go (the gate opens while it exists). */
export const HOT_LEADS = 'reglament.hotLeads';

type Noted = Record<string, number>;

function noted(): Noted {
  try {
    const raw = PropertiesService.getScriptProperties().getProperty(HOT_LEADS);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Noted) : {};
  } catch {
    return {};
  }
}

function store(map: Noted): void {
  const props = PropertiesService.getScriptProperties();
  if (Object.keys(map).length === 0) props.deleteProperty(HOT_LEADS);
  else props.setProperty(HOT_LEADS, JSON.stringify(map));
}

export function isHotLead(rec: Row): boolean {
  return findChoice(OUTCOMES, cellText(rec.outcome))?.key === 'hotLead';
}

/** The edit of Calling results: rows now marked Hot lead are noted for the next tick. */
export function noteHotLeads(ctx: RunContext, edit: TabEdit): void {
  if (edit.columns.length > 0 && edit.columns.indexOf('outcome') < 0) return;
  const tab = edit.block ?? readTabBlock(ctx.sheets.get('callingResults'), 'callingResults', minOf(edit.rows), maxOf(edit.rows));
  if (!tab) return;
  const hot = edit.rows.filter((index) => isLoaded(tab.rows[index]) && isHotLead(recordOf(tab, tab.rows[index])));
  if (hot.length === 0) return; // no hot lead typed: the property is not read
  const map = noted();
  let changed = false;
  for (const index of hot) {
    if (map[index] !== undefined) continue;
    map[index] = ctx.now.getTime();
    changed = true;
  }
  if (changed) store(map);
}

export function hotLeadKey(orderId: string, rec: Row, index: number): string {
  const who = cellText(rec.candidateId).trim() || phoneDigits(rec.phone) || `row${index + 2}`;
  return `hotlead|${orderId.toUpperCase()}|${who.toUpperCase()}`;
}

/** Sends the noted hot leads; those left for lack of time or a transient error stay noted. */
export function sendHotLeads(ctx: RunContext, mailer: Mailer): void {
  const map = noted();
  const indexes = Object.keys(map).map(Number);
  if (indexes.length === 0) return;
  const tab = readTabBlock(ctx.sheets.get('callingResults'), 'callingResults', minOf(indexes), maxOf(indexes));
  if (!tab) return store({});
  const orders = new Map(orderRows(ctx).map((o) => [o.id.toUpperCase(), o.rec]));
  const people = candidates(ctx);
  const left: Noted = {};
  for (const index of indexes) {
    const row = tab.rows[index];
    if (!isLoaded(row)) continue;
    const rec = recordOf(tab, row);
    if (!isHotLead(rec)) continue;
    const orderId = cellText(rec.orderId).trim();
    const order = orders.get(orderId.toUpperCase());
    const to = order && !isCancelled(order) ? clientEmail(order) : undefined;
    if (!order || !to) {
      ctx.log({
        tab: tab.sheet.getName(),
        rowKey: orderId,
        action: say(ctx.locale, 'logHotLeadFailed'),
        details: say(ctx.locale, 'hotLeadNoClient', { orderId }),
      });
      continue;
    }
    const language = clientLanguage(order);
    const person = people.get(cellText(rec.candidateId).trim().toUpperCase());
    const key = hotLeadKey(orderId, rec, index);
    const result: MailResult = mailer.send({
      key,
      to: [to],
      template: 'lead.hot',
      language,
      replyTo: salesManager(order),
      values: {
        client: cellText(order.client),
        contactPerson: cellText(order.contactPerson),
        orderId,
        vacancy: cellText(order.vacancy),
        candidate: [person?.name, cellText(rec.candidateId)].filter(Boolean).join(' — ') || cellText(rec.phone) || '—',
        phone: cellText(rec.phone) || cellText(person?.phone) || '—',
        email: person?.email ? `, ${person.email}` : '',
        comment: cellText(rec.comment) || '—',
        recordedAt: formatInstant(map[index], ctx.zone, language),
      },
    });
    if (result.outcome === 'sent')
      ctx.log({
        tab: tab.sheet.getName(),
        rowKey: key,
        action: say(ctx.locale, 'logHotLead'),
        details: `${to} (${Math.round((ctx.now.getTime() - map[index]) / 60000)} min)`,
      });
    // No time or quota left, or a transient failure the Outbox retries (its row stays Pending): the next tick.
    else if (result.outcome === 'not-sent' || result.outcome === 'quota' || mailer.rows().get(key)?.state === 'pending')
      left[index] = map[index];
    else if (result.outcome !== 'already-sent')
      ctx.log({ tab: tab.sheet.getName(), rowKey: key, action: say(ctx.locale, 'logHotLeadFailed'), details: result.error ?? result.outcome });
  }
  store(left);
}

interface Person {
  name: string;
  email: string;
  phone: string;
}

/** Candidates by ID (read only when a lead waits). */
function candidates(ctx: RunContext): Map<string, Person> {
  const out = new Map<string, Person>();
  const tab = ctx.tab('candidates');
  if (!tab) return out;
  for (const row of tab.rows) {
    const rec = recordOf(tab, row);
    const id = cellText(rec.candidateId).trim().toUpperCase();
    if (id && !out.has(id)) out.set(id, { name: cellText(rec.name), email: cellText(rec.email), phone: cellText(rec.phone) });
  }
  return out;
}
