/**
 * After the First call, and before the Interview it leads to (seed 003, «Действия после
 * звонка» of the First call; issue 14 point 4): the steps as a checklist each call carries.
 *
 * - «В CRM выбираем “change to client” … вносим необходимую информацию (дата, время
 *   проведения звонка)»: the order's "Client status" becomes Client, "Client since" the
 *   call's start (the first First call that was Done stands; a later one changes nothing).
 * - «Отправляем клиенту на почту всю необходимую информацию, о которой договорились»: the
 *   comment's Next Step fills the call's "Agreed e-mail"; it goes to the client Settings
 *   "Agreed e-mail delay" (30 minutes) after the call is seen Done. Until then the manager
 *   may change the text or clear it — clearing cancels (reading: the regulation names no
 *   delay; the issue asks for one so the manager can correct what the client reads).
 * - «Подбираем кандидатов для интервью, отправляем их резюме клиенту, договариваемся с ним
 *   о дате Интервью»: the First call asks for an Interview of its order until one is on Calls;
 *   a Scheduled Interview sends the client one mail with its candidates' "Resume link"s
 *   (it waits until every candidate has one).
 * - «Предупреждаем кандидатов о предстоящем собеседовании (сбрасываем информацию о
 *   клиенте, дату и время интервью)»: each candidate gets a mail of their own (no other
 *   candidate's address or name, nothing of the comment but the company's public facts:
 *   name, website, product, specialties, location), again when the Interview moves.
 *
 * Pure: the adapter (../after-first-call.ts) reads the rows and does the work.
 */
import { Localized, Params, Problem, localizer, problemMaker } from '../../../core/i18n';
import { CLIENT_STATUSES, Locale, choiceLabel, findChoice } from '../../../core/schema';
import { isDate } from '../../../core/time';
import { FirstCallFieldKey } from './comments';

const MESSAGES = {
  clientStatusNoOrder: {
    ru: 'Первый звонок проведён, но у него нет «ID заказа»: статус клиента в «Заказах» поставить некуда.',
    en: 'The First call is Done but has no Order ID: there is no order to set the client status on.',
  },
  clientStatusOrderUnknown: {
    ru: 'Первый звонок проведён, но заказа {orderId} нет в «Заказах»: статус клиента не поставлен.',
    en: 'The First call is Done but order {orderId} is not on Orders: the client status is not set.',
  },
  agreedQueued: {
    ru: 'Письмо клиенту о договорённостях уйдёт {due}: измените «Письмо о договорённостях» или очистите его, чтобы отменить (боковая панель: «Изменить письмо», «Отменить письмо»).',
    en: 'The "what we agreed" e-mail goes to the client at {due}: change "Agreed e-mail" or clear it to cancel (sidebar: Edit the e-mail, Cancel the e-mail).',
  },
  agreedFailed: {
    ru: 'Письмо клиенту о договорённостях не отправлено: {error}',
    en: 'The "what we agreed" e-mail was not sent: {error}',
  },
  agreedNoClient: {
    ru: 'Письмо о договорённостях отправить некому: у звонка нет верного «E-mail клиента».',
    en: 'There is no one to send the "what we agreed" e-mail to: the call has no valid Client e-mail.',
  },
  agreedDelayInvalid: {
    ru: 'Настройка «Задержка письма о договорённостях (мин)» = «{value}» — не число минут от 0 до 1440; взято 30.',
    en: 'Setting "Agreed e-mail delay (minutes)" is "{value}", not a number of minutes from 0 to 1440; 30 is used.',
  },
  interviewDue: {
    ru: 'Подберите кандидатов и назначьте интервью с клиентом: строка «Интервью» по заказу {orderId} в «Звонках».',
    en: 'Pick candidates and schedule the Interview with the client: an Interview row of order {orderId} on Calls.',
  },
  resumeLinkMissing: {
    ru: 'Резюме клиенту не отправлены: нет «Ссылки на резюме» у {names} (вкладка «Кандидаты»).',
    en: 'The resumes have not gone to the client: no "Resume link" for {names} (Candidates tab).',
  },
  resumesNoClient: {
    ru: 'Резюме к интервью отправить некому: нет e-mail клиента ни у звонка, ни у заказа.',
    en: 'There is no one to send the resumes to: neither the call nor its order has a client e-mail.',
  },
  resumesWaiting: {
    ru: 'Резюме кандидатов уйдут клиенту со следующим запуском по расписанию.',
    en: "The candidates' resumes go to the client with the next scheduled run.",
  },
  candidatesWaiting: {
    ru: 'Кандидатам ещё не сообщено об интервью (о клиенте, дате и времени): {names}.',
    en: 'Not yet told about the interview (the client, date and time): {names}.',
  },
  mailFailed: {
    ru: 'Письмо «{what}» не отправлено: {error}',
    en: 'The "{what}" e-mail was not sent: {error}',
  },
} as const;

const LABELS = {
  stepClientStatus: { ru: 'Статус клиента «Клиент», с датой и временем звонка', en: "Client status Client, with the call's date and time" },
  stepAgreed: { ru: 'Клиенту отправлено, о чём договорились', en: 'The client got what was agreed' },
  stepAgreedCancelled: { ru: 'Письмо о договорённостях отменено менеджером', en: 'The "what we agreed" e-mail was cancelled by the manager' },
  stepInterview: { ru: 'Интервью с кандидатами назначено', en: 'The Interview with candidates is scheduled' },
  stepResumes: { ru: 'Резюме кандидатов отправлены клиенту', en: "The candidates' resumes went to the client" },
  stepCandidates: {
    ru: 'Кандидаты знают о собеседовании (клиент, дата, время)',
    en: 'The candidates know of the interview (client, date, time)',
  },
} as const;

const TEXTS = {
  logClientStatus: { ru: 'Статус клиента: Клиент', en: 'Client status: Client' },
  logAgreedQueued: { ru: 'Письмо о договорённостях поставлено в очередь', en: '"What we agreed" e-mail queued' },
  logAgreedCancelled: { ru: 'Письмо о договорённостях отменено', en: '"What we agreed" e-mail cancelled' },
  logAgreedSent: { ru: 'Письмо о договорённостях отправлено клиенту', en: '"What we agreed" e-mail sent to the client' },
  logResumesSent: { ru: 'Резюме кандидатов отправлены клиенту', en: "Candidates' resumes sent to the client" },
  logCandidateTold: { ru: 'Кандидату сообщено об интервью', en: 'Candidate told about the interview' },
  whatAgreed: { ru: 'о договорённостях', en: 'what we agreed' },
  whatResumes: { ru: 'резюме кандидатов', en: 'candidate resumes' },
  infoCompany: { ru: 'Компания', en: 'Company' },
  infoWebsite: { ru: 'Сайт', en: 'Website' },
  infoProduct: { ru: 'Чем занимается', en: 'Product' },
  infoSpecialties: { ru: 'Сферы деятельности', en: 'Specialties' },
  infoLocation: { ru: 'Страна, город', en: 'Country, location' },
  keepInTouch: { ru: 'на связи по почте', en: 'we keep in touch by e-mail' },
} as const;

export type AfterFirstCallCode = keyof typeof MESSAGES;
const { problem, warning } = problemMaker<AfterFirstCallCode>(MESSAGES);
export { problem as afterFirstCallProblem, warning as afterFirstCallWarning };

/** The Log actions and mail texts of the after-first-call work. */
export const afterFirstCallText = localizer<keyof typeof TEXTS>(TEXTS);

const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const normId = (id: string): string => id.trim().toUpperCase();

// ---- Outbox keys (':' separated, so the reminders' reconcile, keyed "<call>|…", never touches them) ----

export const AGREED_PREFIX = 'agreed:';
export const agreedKey = (callId: string): string => `${AGREED_PREFIX}${callId}`;
export const callIdOfAgreedKey = (key: string): string => (key.startsWith(AGREED_PREFIX) ? key.slice(AGREED_PREFIX.length) : '');
/** One mail per call and set of candidates: a changed set sends the whole list again. */
export const resumesKey = (callId: string, candidateIds: readonly string[]): string =>
  `resumes:${callId}:${[...new Set(candidateIds.map(normId))].sort().join(',')}`;
/** One notice per candidate and start: a moved Interview tells them the new time. */
export const candidateNoticeKey = (callId: string, candidateId: string, start: number): string =>
  `interviewNotice:${callId}:${normId(candidateId)}:${Math.round(start / 60000)}`;

export const DEFAULT_AGREED_DELAY = 30;

/** Settings "Agreed e-mail delay (minutes)": 0…1440, else the default with a warning. */
export function agreedDelay(value: string): { minutes: number; problem: Problem | null } {
  const t = value.trim();
  if (/^\d{1,4}$/.test(t) && Number(t) <= 1440) return { minutes: Number(t), problem: null };
  return { minutes: DEFAULT_AGREED_DELAY, problem: warning('agreedDelayInvalid', { value: t }) };
}

// ---- the client status ----

export function isClientStatus(value: unknown): boolean {
  return findChoice(CLIENT_STATUSES, textOf(value))?.key === 'client';
}

/**
 * The Orders cells a Done First call sets: Client status Client, Client since the call's
 * start. Null when the order already says Client since a date (the first call stands, and
 * a person's correction is not undone by a later call).
 */
export function clientStatusCells(
  order: { clientStatus?: unknown; clientSince?: unknown },
  callStart: number,
  locale: Locale,
): { clientStatus: string; clientSince: Date } | null {
  if (isClientStatus(order.clientStatus) && isDate(order.clientSince)) return null;
  return {
    clientStatus: choiceLabel(
      CLIENT_STATUSES.find((s) => s.key === 'client')!,
      locale,
    ),
    clientSince: new Date(callStart),
  };
}

// ---- what the candidates read of the client ----

const PUBLIC_FIELDS: ReadonlyArray<[FirstCallFieldKey, keyof typeof TEXTS]> = [
  ['companyWebsite', 'infoWebsite'],
  ['product', 'infoProduct'],
  ['specialties', 'infoSpecialties'],
  ['countryLocation', 'infoLocation'],
];

/**
 * The client as a candidate may read of it: the company's name and public facts from the
 * First call's comment. Never the contact, the needs, the next step or the manager's notes.
 */
export function clientInfo(clientName: string, fields: Partial<Record<FirstCallFieldKey, string>>, language: Locale): string {
  const lines = [`${afterFirstCallText(language, 'infoCompany')}: ${clientName || fields.companyName || ''}`];
  for (const [key, label] of PUBLIC_FIELDS) {
    const value = (fields[key] ?? '').replace(/\s+/g, ' ').trim();
    if (value) lines.push(`${afterFirstCallText(language, label)}: ${value}`);
  }
  return lines.join('\n');
}

/** "Alice Brown — https://…" per candidate, in the call's order. */
export function resumeLines(candidates: ReadonlyArray<{ id: string; name: string; resumeLink: string }>): string {
  return candidates.map((c) => `${c.name || c.id} — ${c.resumeLink}`).join('\n');
}

// ---- the steps ----

export type MailState = 'none' | 'pending' | 'sent' | 'failed' | 'cancelled' | 'missed';

export type StepKey = 'clientStatus' | 'agreed' | 'interview' | 'resumes' | 'candidates';

export interface Step {
  key: StepKey;
  label: Localized;
  ok: boolean;
  /** What to do (or what is waiting) while the step is open. */
  problem: Problem | null;
}

const step = (key: StepKey, label: Localized, p: Problem | null, ok = !p): Step => ({ key, label, ok, problem: p });

export interface FirstCallInput {
  orderId: string;
  orderFound: boolean;
  /** The order says Client since a date. */
  clientStatusSet: boolean;
  clientEmailOk: boolean;
  agreed: { state: MailState; due: string; error: string };
  /** An Interview of the order is on Calls (not cancelled). */
  interviewScheduled: boolean;
}

/** The steps of a Done First call whose comment fits its template. */
export function firstCallSteps(input: FirstCallInput): Step[] {
  const steps: Step[] = [];
  const status = !input.orderId
    ? warning('clientStatusNoOrder')
    : !input.orderFound
      ? warning('clientStatusOrderUnknown', { orderId: input.orderId })
      : null;
  steps.push(step('clientStatus', LABELS.stepClientStatus, status, !status && input.clientStatusSet));
  const a = input.agreed;
  if (a.state === 'cancelled') steps.push(step('agreed', LABELS.stepAgreedCancelled, null));
  else {
    const p: Problem | null =
      a.state === 'sent'
        ? null
        : !input.clientEmailOk
          ? problem('agreedNoClient')
          : a.state === 'failed' || a.state === 'missed'
            ? problem('agreedFailed', { error: a.error || a.state })
            : warning('agreedQueued', { due: a.due });
    steps.push(step('agreed', LABELS.stepAgreed, p));
  }
  if (input.orderId) {
    const p = input.interviewScheduled ? null : warning('interviewDue', { orderId: input.orderId });
    steps.push(step('interview', LABELS.stepInterview, p));
  }
  return steps;
}

export interface InterviewCandidate {
  id: string;
  name: string;
  resumeLink: string;
  /** The notice of this candidate for the call's current start. */
  notice: MailState;
  noticeError: string;
}

export interface InterviewInput {
  clientEmailOk: boolean;
  resumes: { state: MailState; error: string };
  candidates: readonly InterviewCandidate[];
}

const names = (list: readonly InterviewCandidate[]): Params => ({ names: list.map((c) => `${c.name || c.id} (${c.id})`).join(', ') });

/** The steps of a Scheduled Interview still ahead: the resumes to the client, the notice to each candidate. */
export function interviewSteps(input: InterviewInput): Step[] {
  const noLink = input.candidates.filter((c) => !c.resumeLink);
  const r = input.resumes;
  const resumes: Problem | null =
    r.state === 'sent'
      ? null
      : !input.clientEmailOk
        ? warning('resumesNoClient')
        : noLink.length
          ? warning('resumeLinkMissing', names(noLink))
          : r.state === 'failed' || r.state === 'cancelled' || r.state === 'missed'
            ? problem('mailFailed', { what: TEXTS.whatResumes, error: r.error || r.state })
            : warning('resumesWaiting');
  const failed = input.candidates.find((c) => c.notice === 'failed' || c.notice === 'cancelled');
  const waiting = input.candidates.filter((c) => c.notice !== 'sent');
  const told: Problem | null = failed
    ? problem('mailFailed', { what: LABELS.stepCandidates, error: failed.noticeError || failed.notice })
    : waiting.length
      ? warning('candidatesWaiting', names(waiting))
      : null;
  return [step('resumes', LABELS.stepResumes, resumes), step('candidates', LABELS.stepCandidates, told)];
}

/**
 * The checklist as the "After-call steps" cell shows it: "✓ label" for a closed step,
 * "☐ label: what is needed" for an open one (labels hold no ": ", so the sidebar can split them).
 */
export function stepsText(steps: readonly Step[], locale: Locale): string {
  return steps.map((s) => (s.ok ? `✓ ${s.label[locale]}` : `☐ ${s.label[locale]}${s.problem ? `: ${s.problem[locale]}` : ''}`)).join('\n');
}

/** Open steps that failed (a send refused, no one to send to): these go to Problems too; waiting ones only to the checklist. */
export function stepFailures(steps: readonly Step[]): Problem[] {
  return steps.filter((s) => s.problem && s.problem.severity === 'error').map((s) => s.problem!);
}

/** A valid resume link: one http(s) address. */
export function isResumeLink(value: unknown): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(textOf(value));
}
