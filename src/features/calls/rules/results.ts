/**
 * A call's comment in its calendar event (seed 003: "add the comment to the event in the
 * calendar … marked Results" / "Fresh Results"): one section per heading, replaced — never
 * appended twice — when the comment is corrected.
 */
import { CallTypeKey } from './offsets';

export type ResultsHeading = 'Results' | 'Fresh Results';

/** Seed 003: a First call is marked "Results", an Interview "Fresh Results". */
export function resultsHeading(type: CallTypeKey): ResultsHeading {
  return type === 'interview' || type === 'repeat' ? 'Fresh Results' : 'Results';
}

const SECTION = /^=== (.+) ===$/;

/**
 * Puts the comment into the event description under its heading. A section already
 * there under the same heading is replaced (a corrected comment is not appended twice);
 * other text and sections stay as they are.
 */
export function appendResults(description: string, heading: ResultsHeading, comment: string): string {
  const marker = `=== ${heading} ===`;
  const section = [marker, ...comment.replace(/\r\n?/g, '\n').trim().split('\n')];
  const lines = description.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.trim() === marker);
  if (start < 0) {
    const head = description.replace(/\r\n?/g, '\n').replace(/\n\s*$/, '');
    return head ? `${head}\n\n${section.join('\n')}` : section.join('\n');
  }
  let end = start + 1;
  while (end < lines.length && !SECTION.test(lines[end].trim())) end++;
  const after = lines.slice(end);
  const before = lines.slice(0, start);
  return [...before, ...section, ...(after.length ? [''] : []), ...after].join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * A re-planned description (after a reschedule) with the results sections of the one the
 * event has now carried over, so a rewrite never loses a posted comment.
 */
export function keepResults(planned: string, existing: string): string {
  let out = planned;
  const lines = existing.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = SECTION.exec(lines[i].trim());
    if (!m || (m[1] !== 'Results' && m[1] !== 'Fresh Results')) continue;
    let end = i + 1;
    while (end < lines.length && !SECTION.test(lines[end].trim())) end++;
    out = appendResults(out, m[1], lines.slice(i + 1, end).join('\n'));
    i = end - 1;
  }
  return out;
}
