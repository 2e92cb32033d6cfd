/**
 * The Candidates and Orders tabs as the calls read them (docs/DOMAIN.md §9.8): indexes by ID, and the
 * cell syntaxes a call row uses (candidate IDs and addresses typed in one cell).
 */
import { Locale } from '../../../core/schema';
import { pickLanguage } from '../../../core/templates';
import { CallCandidate } from './comments';

export interface CandidateInfo extends CallCandidate {
  email: string;
  /** Candidates "Order ID", as typed. */
  orderId?: string;
  /** Candidates "Time zone" (IANA id), '' when none. */
  timeZone?: string;
  /** Candidates "Resume link", as typed. */
  resumeLink?: string;
}

export interface OrderInfo {
  client: string;
  contactPerson: string;
  language: Locale;
  /** Every address of the client on the order (Client e-mail, Other contact e-mails), lower case. */
  contacts: string[];
  /** Orders "Client time zone" (IANA id), '' when none. */
  timeZone: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
export const normId = (id: string): string => id.trim().toUpperCase();

/** Syntax only (no lookup): one address, a dot in the domain, no spaces or brackets. */
export function isEmail(value: string): boolean {
  return (
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(
      value,
    ) && !/\.\./.test(value)
  );
}

/** Candidate IDs typed in one cell: "C-1, C-2; C-3" (commas, semicolons or line breaks). */
export function splitIds(value: unknown): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of text(value).split(/[,;\n]+/)) {
    const t = id.trim();
    if (t && !seen.has(normId(t))) {
      seen.add(normId(t));
      out.push(t);
    }
  }
  return out;
}

export function candidateIndex(records: readonly Record<string, unknown>[]): Map<string, CandidateInfo> {
  const map = new Map<string, CandidateInfo>();
  for (const r of records) {
    const id = text(r.candidateId);
    if (id && !map.has(normId(id)))
      map.set(normId(id), {
        id,
        name: text(r.name),
        email: text(r.email),
        orderId: text(r.orderId),
        timeZone: text(r.timeZone),
        resumeLink: text(r.resumeLink),
      });
  }
  return map;
}

/** Addresses in one cell: "a@x.ru, b@x.ru; c@x.ru", lower case. */
export function splitEmails(value: unknown): string[] {
  return text(value)
    .split(/[,;\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
}

export function orderIndex(records: readonly Record<string, unknown>[]): Map<string, OrderInfo> {
  const map = new Map<string, OrderInfo>();
  for (const r of records) {
    const id = text(r.orderId);
    if (!id) continue;
    map.set(id, {
      client: text(r.client),
      contactPerson: text(r.contactPerson),
      language: pickLanguage(text(r.clientLanguage)),
      contacts: [...new Set([...splitEmails(r.clientEmail), ...splitEmails(r.otherContacts)])],
      timeZone: text(r.clientTimeZone),
    });
  }
  return map;
}
