/**
 * What a kind of Outbox key means to the daily archive (src/google/archive.ts): every
 * automated mail is sent once per key, and the key is looked up in the live Outbox only, so
 * a finished row may leave it only when nothing would ask for its mail again.
 *
 * - bounded: the sending decision ends by itself (a date passed, a call started, a system
 *   column such as Handed off at or Report sent at records the send) — `liveUntil` absent;
 * - standing: the decision is asked again on later ticks or edits as long as the business
 *   row says so (Payment received filled, a hired interview Done, …) — `liveUntil` gives the
 *   instant until which a finished row stays live (Infinity: as long as it exists).
 *
 * Each feature declares its kinds next to its key builders (rules/outbox-kinds.ts);
 * src/mail/kinds.ts collects them in one list.
 */
export interface OutboxKind {
  /** A short name for the table (the key's prefix as its builder writes it). */
  name: string;
  /** The keys of this kind. */
  pattern: RegExp;
  /** Standing kinds: the instant (ms) until which a finished row stays live; bounded kinds have none. */
  liveUntil?: (key: string) => number;
  /** Why: what asks for the mail again, or what bounds it. */
  why: string;
}

/** Standing for as long as the row exists. */
export const ALWAYS = (): number => Infinity;
