/**
 * The comment a manager writes after a call (docs/DOMAIN.md §6.3, seed 003): checked against its
 * type's template, never rewritten. A First-call comment is "Field: value" lines (the
 * seed also writes them on one line separated by " – "; both are read); an Interview
 * comment is "Today we interviewed:", one "Name (ID) – summary" line per candidate,
 * "Interview results:" and "SM:".
 */
import { LocalDate } from '../../../core/time';
import { CallTypeKey } from './offsets';
import { Localized, Problem, problem, warning } from './messages';

export interface FieldDef {
  key: FirstCallFieldKey;
  /** The label of the regulation (English in the seed, also in Russian texts). */
  en: string;
  /** Russian aliases a manager may type instead. */
  ru: readonly string[];
  /** Other English spellings accepted. */
  enAlt?: readonly string[];
}

export type FirstCallFieldKey =
  | 'companyName'
  | 'companyWebsite'
  | 'contactPerson'
  | 'product'
  | 'specialties'
  | 'countryLocation'
  | 'targetAudience'
  | 'immediateRequirement'
  | 'futureNeeds'
  | 'nextStep'
  | 'nextContactDate'
  | 'sm';

const f = (key: FirstCallFieldKey, en: string, ru: string[], enAlt?: string[]): FieldDef => ({ key, en, ru, enAlt });

/** The First-call template of seed 003, in its order. */
export const FIRST_CALL_FIELDS: readonly FieldDef[] = [
  f('companyName', 'Company Name', ['Название компании', 'Компания']),
  f('companyWebsite', 'Company Website', ['Сайт компании', 'Сайт'], ['Website']),
  f('contactPerson', 'Contact Person', ['Контактное лицо']),
  f('product', 'Product', ['Продукт']),
  f('specialties', 'Specialties', ['Сферы деятельности', 'Специализация'], ['Specialities']),
  f('countryLocation', 'Country-Location', ['Страна-Локация', 'Страна'], ['Country', 'Location']),
  f('targetAudience', 'Target Audience', ['Целевая аудитория']),
  f('immediateRequirement', 'Immediate Requirement', ['Текущая потребность'], ['Immediate Requirements']),
  f('futureNeeds', 'Future needs', ['Будущие потребности']),
  f('nextStep', 'Next Step', ['Следующий шаг']),
  f('nextContactDate', 'Next Contact Date', ['Дата следующего контакта']),
  f('sm', 'SM', ['Менеджер'], ['Sales manager']),
];

/** Seed 003: "if no particular countries were named, write worldwide". */
export const DEFAULT_TARGET_AUDIENCE = 'worldwide';

const fieldName = (d: FieldDef): Localized => ({ en: d.en, ru: d.ru[0] ? `${d.en} (${d.ru[0]})` : d.en });

/** "Country-Location", "country / location", "COUNTRY LOCATION" all read alike. */
function normLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\-–—/_.]+/g, ' ')
    .trim();
}

const LABEL_TO_FIELD = new Map<string, FieldDef>();
for (const d of FIRST_CALL_FIELDS) for (const a of [d.en, ...d.ru, ...(d.enAlt ?? [])]) LABEL_TO_FIELD.set(normLabel(a), d);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as a pattern that tolerates the spacing and dashes normLabel ignores. */
const labelPattern = (label: string) => normLabel(label).split(' ').map(escapeRe).join('[\\s\\-–—/_.]*');
const ALL_LABELS = [...LABEL_TO_FIELD.keys()]
  .sort((a, b) => b.length - a.length)
  .map(labelPattern)
  .join('|');
/** The seed's one-line form: "Company Name: X – Company Website: Y – …". */
const INLINE_SPLIT = new RegExp(`\\s[-–—]\\s+(?=(?:${ALL_LABELS})\\s*:)`, 'gi');
const BULLET = /^[\s\-–—•*·]+/;

export type NextContact = { kind: 'date'; date: LocalDate } | { kind: 'keepInTouch' };

export interface CommentCheck {
  problems: Problem[];
  /** First call: the values found (Target Audience defaulted to "worldwide" when empty). */
  fields: Partial<Record<FirstCallFieldKey, string>>;
  /** First call: the follow-up date, when the comment names one. */
  nextContact?: NextContact;
  /** Interview: the candidate lines as read. */
  interviewed: InterviewLine[];
  /** Introductory call: the messenger named. */
  messenger?: string;
}

export interface InterviewLine {
  name: string;
  id: string;
  summary: string;
}

export interface CallCandidate {
  id: string;
  name: string;
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const normId = (id: string) => id.trim().toUpperCase();

/** Checks a comment against its call type's template. Candidates are those of the call. */
export function checkComment(type: CallTypeKey, comment: unknown, candidates: readonly CallCandidate[] = []): CommentCheck {
  const text = textOf(comment).replace(/\r\n?/g, '\n');
  const out: CommentCheck = { problems: [], fields: {}, interviewed: [] };
  if (!text.trim()) {
    out.problems.push(problem('commentEmpty'));
    return out;
  }
  if (type === 'first') checkFirstCall(text, out);
  else if (type === 'interview') checkInterview(text, candidates, out);
  else if (type === 'intro') checkIntroductory(text, out);
  return out;
}

/** Splits "Label: value" segments; lines that are not a known label continue the previous value. */
export function readFields(text: string): Map<FirstCallFieldKey, string> {
  const found = new Map<FirstCallFieldKey, string[]>();
  let current: string[] | null = null;
  for (const rawLine of text.split('\n')) {
    for (const segment of rawLine.split(INLINE_SPLIT)) {
      const line = segment.replace(BULLET, '');
      const m = /^([^:]{1,60}?)\s*:\s*(.*)$/.exec(line);
      const def = m ? LABEL_TO_FIELD.get(normLabel(m[1])) : undefined;
      if (m && def) {
        if (found.has(def.key)) {
          current = null; // a repeated label: the first one stands
          continue;
        }
        current = [m[2].trim()];
        found.set(def.key, current);
      } else if (current && segment.trim()) current.push(segment.trim());
    }
  }
  const out = new Map<FirstCallFieldKey, string>();
  found.forEach((lines, key) =>
    out.set(
      key,
      lines
        .join('\n')
        .trim()
        .replace(/^[-–—]\s*$/, '')
        .trim(),
    ),
  );
  return out;
}

function checkFirstCall(text: string, out: CommentCheck): void {
  const values = readFields(text);
  for (const d of FIRST_CALL_FIELDS) {
    const value = values.get(d.key);
    if (value === undefined) {
      out.problems.push(problem('commentFieldMissing', { field: fieldName(d) }));
      continue;
    }
    if (value === '') {
      if (d.key === 'targetAudience') out.fields.targetAudience = DEFAULT_TARGET_AUDIENCE;
      else out.problems.push(problem('commentFieldEmpty', { field: fieldName(d) }));
      continue;
    }
    out.fields[d.key] = value;
    if (d.key === 'nextContactDate') {
      const next = parseNextContact(value);
      if (next) out.nextContact = next;
      else out.problems.push(problem('commentDateInvalid', { field: fieldName(d), value }));
    }
  }
}

/** "dd.MM.yyyy" or "yyyy-MM-dd" as a real calendar date, else null. */
export function parseDateText(text: string): LocalDate | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  let d: LocalDate | null = null;
  if (m) d = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!d) return null;
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const real = check.getUTCFullYear() === d.year && check.getUTCMonth() === d.month - 1 && check.getUTCDate() === d.day;
  return real ? d : null;
}

/**
 * Next Contact Date: a date (a follow-up reminder goes to the manager that day) or, as the
 * seed allows, "keep in touch by email" (no date, no follow-up). A date may carry a note
 * after it ("15.04.2026, after the budget meeting").
 */
export function parseNextContact(value: string): NextContact | null {
  const token = /(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2})/.exec(value);
  if (token) {
    const date = parseDateText(token[1]);
    return date ? { kind: 'date', date } : null;
  }
  if (/keep\s+in\s+touch|by\s+e-?mail|на\s+связи|по\s+(эл\.?\s*)?почте/i.test(value)) return { kind: 'keepInTouch' };
  return null;
}

const INTERVIEW_HEADER =
  /^(today\s+we\s+interviewed|сегодня\s+(мы\s+)?(провели\s+интервью\s+с|собеседовали|проинтервьюировали))(?=[\s:]|$)\s*:?\s*(.*)$/i;
const RESULTS_HEADER = /^(interview\s+results|результаты\s+интервью)\s*:?\s*(.*)$/i;
const SM_LINE = /^(sm|менеджер)\s*:\s*(.*)$/i;
const CANDIDATE_LINE = /^(.+?)\s*\(\s*([^()]+?)\s*\)\s*[-–—:]\s*(\S.*)$/;
const NUMBERING = /^\d{1,3}[.)]\s+/;

function checkInterview(text: string, candidates: readonly CallCandidate[], out: CommentCheck): void {
  const lines = text.split('\n').map((l) => l.trim());
  let header = -1;
  let results = -1;
  let sm = -1;
  const firstLine: Record<string, string> = {};
  lines.forEach((line, i) => {
    const bare = line.replace(BULLET, '');
    let m: RegExpExecArray | null;
    if (header < 0 && (m = INTERVIEW_HEADER.exec(bare))) {
      header = i;
      firstLine.header = m[4];
    } else if (results < 0 && (m = RESULTS_HEADER.exec(bare))) {
      results = i;
      firstLine.results = m[2];
    } else if (sm < 0 && results >= 0 && (m = SM_LINE.exec(bare))) {
      sm = i;
      firstLine.sm = m[2];
    }
  });
  if (sm < 0) {
    // An "SM:" line before the results still counts as present (order is not the point).
    const i = lines.findIndex((l) => SM_LINE.test(l.replace(BULLET, '')));
    if (i >= 0) {
      sm = i;
      firstLine.sm = SM_LINE.exec(lines[i].replace(BULLET, ''))?.[2] ?? '';
    }
  }
  if (header < 0) out.problems.push(problem('interviewHeaderMissing'));
  else {
    const end = [results, sm, lines.length].filter((i) => i > header).reduce((a, b) => Math.min(a, b));
    readCandidateLines([firstLine.header, ...lines.slice(header + 1, end)], out);
    if (out.interviewed.length === 0) out.problems.push(problem('interviewNoCandidates'));
  }
  const resultsText = results < 0 ? '' : [firstLine.results, ...lines.slice(results + 1, sm > results ? sm : lines.length)].join(' ').trim();
  if (!resultsText) out.problems.push(problem('interviewResultsMissing'));
  if (sm < 0) out.problems.push(problem('commentFieldMissing', { field: 'SM' }));
  else if (!firstLine.sm.trim()) out.problems.push(problem('commentFieldEmpty', { field: 'SM' }));
  else out.fields.sm = firstLine.sm.trim();

  const named = new Set(out.interviewed.map((l) => normId(l.id)));
  const expected = new Set(candidates.map((c) => normId(c.id)));
  for (const c of candidates) {
    if (!named.has(normId(c.id))) out.problems.push(problem('interviewCandidateMissing', { id: c.id, name: c.name }));
  }
  if (candidates.length) {
    for (const l of out.interviewed) if (!expected.has(normId(l.id))) out.problems.push(warning('interviewCandidateExtra', { id: l.id }));
  }
}

/** Candidate lines; a line without "(ID)" after a candidate line continues its summary. */
function readCandidateLines(lines: readonly string[], out: CommentCheck): void {
  for (const raw of lines) {
    const line = raw.replace(BULLET, '').replace(NUMBERING, '').trim();
    if (!line) continue;
    const m = CANDIDATE_LINE.exec(line);
    if (m) out.interviewed.push({ name: m[1].trim(), id: m[2], summary: m[3].trim() });
    else if (out.interviewed.length && !/\(.*\)/.test(line)) {
      const last = out.interviewed[out.interviewed.length - 1];
      last.summary += `\n${line}`;
    } else out.problems.push(problem('interviewLineFormat', { line: line.length > 80 ? `${line.slice(0, 77)}...` : line }));
  }
}

const MESSENGER_LINE = /^(messenger|chosen\s+messenger|мессенджер|способ\s+связи|канал\s+связи)\s*:\s*(\S.*)$/im;
const MESSENGER_NAMES =
  /(\b(?:whats\s?app|telegram|viber|slack|skype|microsoft\s+teams|teams|zoom|signal|discord|google\s+chat|wechat|e-?mail)\b|телеграм[а-яё]*|вайбер[а-яё]*|ватсап[а-яё]*|скайп[а-яё]*|слак[а-яё]*|почт[аеуы])/i;

function checkIntroductory(text: string, out: CommentCheck): void {
  const line = MESSENGER_LINE.exec(text);
  if (line) {
    out.messenger = line[2].trim();
    return;
  }
  const name = MESSENGER_NAMES.exec(text);
  if (name) out.messenger = name[1];
  else out.problems.push(problem('introMessengerMissing'));
}

/** The comment skeleton put into the event description for the manager to fill in. */
export function commentTemplate(type: CallTypeKey, candidates: readonly CallCandidate[] = []): string {
  if (type === 'first') return FIRST_CALL_FIELDS.map((d) => `${d.en}: `).join('\n');
  if (type === 'interview') {
    const lines = candidates.length ? candidates.map((c) => `${c.name} (${c.id}) – `) : ['Name (ID) – '];
    return ['Today we interviewed:', ...lines, 'Interview results:', 'SM: '].join('\n');
  }
  if (type === 'intro') return 'Messenger: ';
  return '';
}
