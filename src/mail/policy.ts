/**
 * The one retry policy of every automated e-mail, and the one reading of MailApp's errors.
 *
 * - quota: "Service invoked too many times for one day: email." The daily quota is spent:
 *   the row stays Pending with its attempts as they were, and nothing more is tried in this
 *   run (the callers stop sending).
 * - permanent: a refusal of this one message (a bad address, too many recipients, a body
 *   too large). Retrying the same message cannot help, so it does not pause the others.
 * - transient: anything else (a service hiccup). The caller may pause sending for this run.
 *
 * Either failure counts an attempt; the row stays Pending for a later run until
 * MAX_ATTEMPTS, then it is Failed for a person to look at (State back to Pending resends).
 * A row found in flight by a later run is Failed as "interrupted" and never resent
 * automatically (it may have gone out).
 */
export type MailErrorKind = 'quota' | 'permanent' | 'transient';

/** Sends tried before a row is left Failed for a person to look at. */
export const MAX_ATTEMPTS = 3;

export const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

const QUOTA = /too many times for one day/;
const PERMANENT = /Invalid email|no recipient|Recipients Per Message|Email Body Size|Argument too large/i;

export function classifyMailError(message: string): MailErrorKind {
  if (QUOTA.test(message)) return 'quota';
  return PERMANENT.test(message) ? 'permanent' : 'transient';
}

/** The row's state and attempts after a failed send that had `attempts` before it. */
export function afterSendError(attempts: number, kind: MailErrorKind): { state: 'pending' | 'failed'; attempts: number } {
  const before = Number.isFinite(attempts) ? attempts : 0;
  if (kind === 'quota') return { state: 'pending', attempts: before };
  const next = before + 1;
  return { state: next >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts: next };
}

/** The Last error of a row a crash interrupted halfway through sending (both languages). */
export function interruptedText(locale: 'ru' | 'en'): string {
  return locale === 'en'
    ? 'Interrupted while sending: it may have gone out. Not resent automatically; set State to Pending to resend.'
    : 'Отправка прервана: письмо могло уйти. Повторно не отправлено; чтобы отправить снова, поставьте состояние «Ожидает».';
}

/** Was this Last error written by an interrupted send (whichever language wrote it)? */
export function wasInterrupted(lastError: string): boolean {
  return /Interrupted while sending|Отправка прервана/.test(lastError);
}

/**
 * May an existing Outbox row be sent automatically? Pending (or a new row) yes; Sent never
 * again; Failed only when a send error (not a crash) left it short of MAX_ATTEMPTS;
 * Cancelled and Missed wait for a person.
 */
export function maySendAgain(row: { state: string | undefined; attempts: number }, lastError: string): boolean {
  if (!row.state || row.state === 'pending') return true;
  if (row.state === 'failed') return !wasInterrupted(lastError) && row.attempts < MAX_ATTEMPTS;
  return false;
}
