/**
 * What HR agreed for a calling-service sale against what the calling actually gave
 * (seed 000: the expected resumes, calls, candidates agreeing and coming, and the risk of a
 * refund). The comparison goes to the sales manager with each calling report and into the
 * daily digest while the order is behind, so the refund risk the regulation worries about
 * is visible while there is still time.
 *
 * Readings:
 * - Resumes worked = distinct candidates on the order's Calling results rows; calls = the
 *   rows themselves (one row per call made); agreed to come = distinct candidates whose
 *   outcome is «Согласен прийти» or «Назначено интервью»; came = distinct candidates of the
 *   order's Interview / Repeat calls marked Done (the Calls tab is where a visit shows).
 * - "Behind" is judged pro rata: after k of n planned selections were reported, each
 *   expectation is due k/n of its value (rounded down); an expectation left blank ("if it
 *   can be estimated") is never behind.
 */
import { OUTCOMES } from '../../../core/schema';
import { cellText, parseChoiceCell, parseCount, Row } from '../../../core/values';
import { answerOf } from './orders';

export type ExpectationKey = 'resumes' | 'calls' | 'agreeing' | 'coming';
export const EXPECTATION_KEYS: readonly ExpectationKey[] = ['resumes', 'calls', 'agreeing', 'coming'];

/** The agreement columns of each expectation. */
export const EXPECTATION_COLUMNS: Record<ExpectationKey, string> = {
  resumes: 'expectedResumes',
  calls: 'expectedCalls',
  agreeing: 'expectedAgreeing',
  coming: 'expectedComing',
};

export type Expectations = Partial<Record<ExpectationKey, number>>;
export type Recorded = Record<ExpectationKey, number>;

/** The numbers an Agreed agreement expects (only those that read as counts); undefined unless Agreed. */
export function agreedExpectations(agreement: Row | undefined): Expectations | undefined {
  if (!agreement || answerOf(agreement) !== 'agreed') return undefined;
  const out: Expectations = {};
  for (const key of EXPECTATION_KEYS) {
    const p = parseCount(agreement[EXPECTATION_COLUMNS[key]]);
    if (p.status === 'ok') out[key] = p.value;
  }
  return out;
}

/** A Calling results row as the comparison needs it. */
export interface CallingRecord {
  candidateId: string;
  /** The Outcome cell as typed (either language or the key). */
  outcome: unknown;
}

/** What the calling recorded for an order; `came` = candidate IDs of its Done interviews. */
export function recordedCalling(results: readonly CallingRecord[], came: Iterable<string>): Recorded {
  const norm = (id: string) => id.trim().toUpperCase();
  const candidates = new Set<string>();
  const agreeing = new Set<string>();
  let calls = 0;
  for (const r of results) {
    calls++;
    const id = norm(cellText(r.candidateId));
    if (id) candidates.add(id);
    const outcome = parseChoiceCell(r.outcome, OUTCOMES);
    if (outcome.status === 'ok' && (outcome.value.key === 'agreed' || outcome.value.key === 'interview')) agreeing.add(id || `#${calls}`);
  }
  const cameSet = new Set([...came].map(norm).filter(Boolean));
  return { resumes: candidates.size, calls, agreeing: agreeing.size, coming: cameSet.size };
}

export interface ExpectationLine {
  key: ExpectationKey;
  expected?: number;
  /** Due by now, pro rata of the selections reported. */
  dueSoFar?: number;
  recorded: number;
  behind: boolean;
}

/**
 * Expected against recorded, one line per expectation. `reported` of `planned` selections
 * are done; with `planned` 0 (no schedule yet) nothing is behind.
 */
export function compareExpectations(expected: Expectations, recorded: Recorded, reported: number, planned: number): ExpectationLine[] {
  const share = planned > 0 ? Math.min(1, Math.max(0, reported / planned)) : 0;
  return EXPECTATION_KEYS.map((key) => {
    const e = expected[key];
    if (e === undefined) return { key, recorded: recorded[key], behind: false };
    const dueSoFar = Math.floor(e * share);
    return { key, expected: e, dueSoFar, recorded: recorded[key], behind: recorded[key] < dueSoFar };
  });
}

/** "resumes 20/50" parts for a digest line, in the locale's words. */
export function expectationSummary(lines: readonly ExpectationLine[], words: Record<ExpectationKey, string>): string {
  return lines
    .filter((l) => l.expected !== undefined)
    .map((l) => `${words[l.key]} ${l.recorded}/${l.expected}${l.behind ? ' ⚠' : ''}`)
    .join(', ');
}
