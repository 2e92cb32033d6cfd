/**
 * The e-mails of calls, rendered from the Templates tab (or the built-in text) in the
 * client's language, from the Calls row as it is at send time: reminders (with the link to
 * join, the time in the recipient's own zone when the order or candidate has one, every
 * person by name), the comment to the manager, the follow-up on the Next Contact Date, and
 * the alert when guests decline.
 */
import { CommentCheck } from './rules/comments';
import { PlannedCall } from './rules/calls';
import { joinLink } from './rules/event-plan';
import { Problem } from '../../core/i18n';
import { Locale } from '../../core/schema';
import { RecipientResolver, REMINDER_TEMPLATE, reminderRecipients, reminderValues } from './rules/reminders';
import { checkTemplateRow, pickTemplate, render, Rendered, TemplateKey, TemplateRow, TemplateValues } from '../../core/templates';
import { Zone, wallClockOf } from '../../core/time';
import { isZoneId } from '../../core/zones';

export interface MailContext {
  zone: Zone;
  templates: readonly TemplateRow[];
  senderName: string;
  resolver: RecipientResolver;
  /** Names of Staff members by lower-case e-mail (hired employee, team lead). */
  staffNames: ReadonlyMap<string, string>;
  /** A zone by IANA id ('' → the spreadsheet's). */
  zoneOf(id: string): Zone;
}

export interface CallMail extends Rendered {
  template: TemplateKey;
  replyTo?: string;
}

function renderKey(mc: MailContext, key: TemplateKey, values: TemplateValues, language: Locale): CallMail {
  const picked = pickTemplate(mc.templates, key, language);
  // Built-in templates exist for every key; a missing one would be a programming error.
  const rendered = render(picked ? picked.template : { key, subject: key, body: '' }, values, picked ? picked.language : language);
  return { ...rendered, template: key };
}

/** Offset minutes of a reminder key (`callId|recipient|minutes`), null for anything else. */
export function offsetOfKey(key: string): number | null {
  const m = /\|(\d+)$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** The zone the recipient reads times in: the client's or candidate's own, else the spreadsheet's. */
function recipientZone(mc: MailContext, call: PlannedCall, role: string, candidateId?: string): Zone {
  const own =
    role === 'client' ? call.clientZoneId : role === 'candidate' ? (call.candidates.find((c) => c.id === candidateId)?.timeZone ?? '') : '';
  return own && isZoneId(own) ? mc.zoneOf(own) : mc.zone;
}

/**
 * The reminder a row of the Outbox stands for, as it reads now; null when no one of the
 * call maps to its recipient. `meetLink` is the Meet link of the call's event, when known.
 */
export function reminderMail(
  mc: MailContext,
  call: PlannedCall,
  recipient: string,
  offsetMinutes: number,
  meetLink = '',
  booked = false,
): CallMail | null {
  const due = call.start - offsetMinutes * 60000;
  const person = reminderRecipients(call).find((p) => mc.resolver(p.email, due) === recipient.trim().toLowerCase());
  if (!person) return null;
  const name = person.name || mc.staffNames.get(person.email) || '';
  const zone = recipientZone(mc, call, person.role, person.candidateId);
  const values = reminderValues(
    call,
    { offsetMinutes, name },
    zone,
    call.language,
    mc.senderName,
    joinLink(call, meetLink),
    booked ? 'meetingLinkLater' : 'meetingLinkFallback',
  );
  const mail = renderKey(mc, REMINDER_TEMPLATE[call.type], values, call.language);
  return { ...mail, replyTo: call.managerEmail || undefined };
}

/** To the manager: the client, or every candidate, declined the invitation. */
export function declinedMail(mc: MailContext, call: PlannedCall, who: readonly string[], answers: string): CallMail {
  const base = reminderValues(call, { offsetMinutes: 0 }, mc.zone, call.language, mc.senderName);
  const values: TemplateValues = {
    callType: base.callType,
    client: base.client,
    date: base.date,
    time: base.time,
    zone: base.zone,
    who: who.join(', '),
    answers,
    callId: call.callId,
    orderId: call.orderId,
    senderName: mc.senderName,
  };
  return renderKey(mc, 'alert.callDeclined', values, call.language);
}

function dateText(zone: Zone, ms: number, language: Locale): string {
  const w = wallClockOf(zone, ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return language === 'ru' ? `${p(w.day)}.${p(w.month)}.${w.year}` : `${w.year}-${p(w.month)}-${p(w.day)}`;
}

export function commentValues(mc: MailContext, call: PlannedCall, comment: string): TemplateValues {
  const base = reminderValues(call, { offsetMinutes: 0 }, mc.zone, call.language, mc.senderName);
  return {
    callType: base.callType,
    client: base.client,
    date: base.date,
    time: base.time,
    comment,
    callId: call.callId,
    orderId: call.orderId,
    senderName: mc.senderName,
  };
}

export function commentMail(mc: MailContext, call: PlannedCall, comment: string): CallMail {
  return renderKey(mc, 'comment.toManager', commentValues(mc, call, comment), call.language);
}

export function followUpMail(mc: MailContext, call: PlannedCall, check: CommentCheck): CallMail {
  const values: TemplateValues = {
    client: call.clientName || check.fields.companyName || call.clientEmail,
    contactPerson: check.fields.contactPerson || call.contactPerson,
    nextContactDate: check.fields.nextContactDate ?? '',
    nextStep: check.fields.nextStep ?? '',
    callId: call.callId,
    orderId: call.orderId,
    callDate: dateText(mc.zone, call.start, call.language),
    senderName: mc.senderName,
  };
  return renderKey(mc, 'followUp.manager', values, call.language);
}

/** Problems of the Templates-tab rows a call's e-mails use (unknown placeholders), memoized per key and language. */
export function templateProblems(mc: MailContext, cache: Map<string, Problem[]>, key: TemplateKey, language: Locale): Problem[] {
  const k = `${key}|${language}`;
  let found = cache.get(k);
  if (!found) {
    const picked = pickTemplate(mc.templates, key, language);
    found = picked ? checkTemplateRow({ key, language: picked.language, subject: picked.template.subject, body: picked.template.body }) : [];
    cache.set(k, found);
  }
  return found;
}
