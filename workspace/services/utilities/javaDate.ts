/**
 * java.text.SimpleDateFormat as Utilities.formatDate runs it (English symbols, US week rules:
 * weeks start on Sunday, week 1 is the week holding 1 January), and java.util.TimeZone's
 * reading of a zone id.
 *
 * Reproduced (https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html,
 * https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html):
 * - pattern letters G y Y M L w W D d F E u a H k K h m s S z Z X with Java's count rules
 *   ("yy" clips to two digits, "MMM"/"MMMM" text, "E".."EEE" short, "EEEE" long, "S" is a
 *   zero-padded millisecond count, "XXXX" is an error);
 * - '...' quotes literal text, '' is one quote; every other non-letter is literal;
 * - another ASCII letter throws "Illegal pattern character 'b'", an open quote "Unterminated quote";
 * - zone ids are case-sensitive; "GMT+3", "GMT+0300", "GMT+03:00" are custom fixed zones; the
 *   legacy three-letter ids (PST, EST, ...) map as in Java; anything else silently becomes GMT
 *   (reported for Apps Script: https://github.com/pixelcog/gmail-to-pdf/issues/13).
 * - "z" prints the tz database's alphabetic abbreviation (MSK, CET, EST) as a current JDK does,
 *   else "GMT+05:00"; "zzzz" the long English name.
 * Not reproduced: the Julian calendar Java uses before 1582-10-15.
 */
import { offsetMinutes, wallTime, isValidTimeZone } from '../../runtime/tz';

/** A pattern or zone error; the service turns it into an Apps Script exception. */
export class JavaFormatError extends Error {}

export interface JavaZone {
  id: string;
  /** Fixed offset for custom "GMT+hh:mm" zones, GMT and Java's EST/MST/HST. */
  fixedMinutes?: number;
  /** The Intl zone to read wall time and names from. */
  intl?: string;
}

const LEGACY: Record<string, string | number> = {
  EST: -300,
  MST: -420,
  HST: -600,
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Argentina/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Harare',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa',
  ECT: 'Europe/Paris',
  IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Ho_Chi_Minh',
};

function gmtId(minutes: number): string {
  const a = Math.abs(minutes);
  return `GMT${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

/** java.util.TimeZone.getTimeZone(id): unknown ids fall back to GMT without an error. */
export function resolveZone(id: string): JavaZone {
  const custom = /^GMT([+-])(\d{1,2})(?::(\d{2})|(\d{2}))?$/.exec(id);
  if (custom) {
    const h = Number(custom[2]);
    const m = Number(custom[3] ?? custom[4] ?? 0);
    if (h <= 23 && m <= 59) {
      const minutes = (custom[1] === '-' ? -1 : 1) * (h * 60 + m);
      return { id: gmtId(minutes), fixedMinutes: minutes };
    }
  }
  const legacy = LEGACY[id];
  if (typeof legacy === 'number') return { id, fixedMinutes: legacy };
  if (typeof legacy === 'string') return { id, intl: legacy };
  if (id !== 'GMT' && isValidTimeZone(id)) {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
    // Intl ignores case, Java does not: "europe/moscow" is GMT there.
    if (!(resolved.toLowerCase() === id.toLowerCase() && resolved !== id)) return { id, intl: id };
  }
  return { id: 'GMT', fixedMinutes: 0 };
}

// tz database abbreviations a current JDK prints for "z" in English where Intl shows "GMT+3".
const ABBREVIATIONS: Record<string, [string, string]> = {};
function abbr(zones: string, std: string, dst: string): void {
  for (const z of zones.split(' ')) ABBREVIATIONS[z] = [std, dst];
}
abbr('Europe/London Europe/Jersey Europe/Guernsey Europe/Isle_of_Man', 'GMT', 'BST');
abbr('Europe/Dublin', 'GMT', 'IST');
abbr('Europe/Lisbon Atlantic/Madeira Atlantic/Canary Atlantic/Faroe WET', 'WET', 'WEST');
abbr(
  'CET Europe/Paris Europe/Berlin Europe/Rome Europe/Madrid Europe/Amsterdam Europe/Brussels Europe/Vienna ' +
    'Europe/Zurich Europe/Stockholm Europe/Oslo Europe/Copenhagen Europe/Prague Europe/Warsaw Europe/Budapest ' +
    'Europe/Belgrade Europe/Zagreb Europe/Ljubljana Europe/Bratislava Europe/Luxembourg Europe/Monaco ' +
    'Europe/Malta Europe/Andorra Europe/Tirane Europe/Sarajevo Europe/Skopje Europe/Podgorica Europe/Gibraltar ' +
    'Europe/Vaduz Europe/San_Marino Europe/Vatican Africa/Ceuta Africa/Algiers Africa/Tunis',
  'CET',
  'CEST',
);
abbr(
  'EET Europe/Kyiv Europe/Kiev Europe/Helsinki Europe/Riga Europe/Tallinn Europe/Vilnius Europe/Sofia ' +
    'Europe/Bucharest Europe/Athens Europe/Chisinau Europe/Kaliningrad Europe/Mariehamn Asia/Nicosia ' +
    'Europe/Nicosia Africa/Cairo Africa/Tripoli Asia/Beirut',
  'EET',
  'EEST',
);
abbr('Europe/Moscow Europe/Simferopol Europe/Kirov Europe/Volgograd W-SU', 'MSK', 'MSD');
abbr('Asia/Tokyo Japan', 'JST', 'JDT');
abbr('Asia/Seoul', 'KST', 'KDT');
abbr('Asia/Kolkata Asia/Calcutta', 'IST', 'IST');
abbr('Asia/Jerusalem Asia/Tel_Aviv Israel', 'IST', 'IDT');
abbr('Asia/Shanghai Asia/Chongqing Asia/Harbin Asia/Taipei Asia/Macau PRC', 'CST', 'CDT');
abbr('Asia/Hong_Kong', 'HKT', 'HKST');
abbr('Asia/Karachi', 'PKT', 'PKST');
abbr('Asia/Manila', 'PST', 'PDT');
abbr('Asia/Jakarta Asia/Pontianak', 'WIB', 'WIB');
abbr('Australia/Sydney Australia/Melbourne Australia/Hobart Australia/Brisbane Australia/Lindeman', 'AEST', 'AEDT');
abbr('Australia/Adelaide Australia/Broken_Hill Australia/Darwin', 'ACST', 'ACDT');
abbr('Australia/Perth', 'AWST', 'AWDT');
abbr('Pacific/Auckland NZ Antarctica/McMurdo', 'NZST', 'NZDT');
abbr('Africa/Johannesburg Africa/Maseru Africa/Mbabane', 'SAST', 'SAST');
abbr('Africa/Lagos Africa/Kinshasa Africa/Luanda Africa/Douala', 'WAT', 'WAT');
abbr('Africa/Nairobi Africa/Addis_Ababa Africa/Dar_es_Salaam Africa/Kampala', 'EAT', 'EAT');
abbr('Africa/Maputo Africa/Harare Africa/Lusaka Africa/Kigali', 'CAT', 'CAT');

const intlNames = new Map<string, Intl.DateTimeFormat>();
function intlZoneName(zone: string, style: 'short' | 'long', ms: number): string {
  const key = `${zone}|${style}`;
  let f = intlNames.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style });
    intlNames.set(key, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const UTC_IDS = new Set(['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu']);

/** TimeZone.getDisplayName(daylight, style, Locale.ENGLISH). */
function zoneName(zone: JavaZone, ms: number, offset: number, long: boolean): string {
  if (zone.fixedMinutes !== undefined) {
    if (zone.id === 'GMT') return long ? 'Greenwich Mean Time' : 'GMT';
    if (zone.id.startsWith('GMT')) return zone.id;
    return long ? intlZoneName(zone.id, 'long', ms) : zone.id; // EST, MST, HST
  }
  const intl = zone.intl as string;
  if (UTC_IDS.has(intl)) return long ? 'Coordinated Universal Time' : 'UTC';
  if (intl === 'Etc/GMT' || intl === 'GMT0' || intl === 'Greenwich') return long ? 'Greenwich Mean Time' : 'GMT';
  if (long) {
    const name = intlZoneName(intl, 'long', ms);
    return name.startsWith('GMT') ? (offset === 0 ? 'GMT' : gmtId(offset)) : name;
  }
  const short = intlZoneName(intl, 'short', ms);
  if (/^[A-Z]{2,5}$/.test(short) && short !== 'UTC') return short;
  const pair = ABBREVIATIONS[intl] ?? ABBREVIATIONS[zone.id];
  if (pair) return isDaylight(intl, ms, offset) ? pair[1] : pair[0];
  return offset === 0 ? 'GMT' : gmtId(offset);
}

/** Daylight time: the offset is above the year's smaller one (January vs July). */
function isDaylight(zone: string, ms: number, offset: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  const jan = offsetMinutes(Date.UTC(year, 0, 1), zone);
  const jul = offsetMinutes(Date.UTC(year, 6, 1), zone);
  return offset > Math.min(jan, jul);
}

type Token = { literal: string } | { letter: string; count: number };

const PATTERN_LETTERS = 'GyMdkHmsSEDFwWahKzZYuXL';

/** SimpleDateFormat.compile: literals and runs of one pattern letter. */
export function compilePattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  const flush = () => {
    if (literal) tokens.push({ literal });
    literal = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new JavaFormatError('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          literal += "'";
          j += 2;
          continue;
        }
        literal += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!PATTERN_LETTERS.includes(c)) throw new JavaFormatError(`Illegal pattern character '${c}'`);
      let j = i;
      while (pattern[j] === c) j++;
      if (c === 'X' && j - i > 3) throw new JavaFormatError(`invalid ISO 8601 format: length=${j - i}`);
      flush();
      tokens.push({ letter: c, count: j - i });
      i = j;
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  return tokens;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad(value: number, count: number): string {
  return String(value).padStart(count, '0');
}

/** Days since the epoch of a calendar date (years below 100 included). */
function epochDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / 86400000);
}

interface Fields {
  year: number; // astronomical: 0 = 1 BC
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // ISO 1 = Monday
  offset: number; // minutes east of UTC
}

function fieldsOf(ms: number, zone: JavaZone): Fields {
  if (zone.fixedMinutes !== undefined) {
    const d = new Date(ms + zone.fixedMinutes * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay() || 7,
      offset: zone.fixedMinutes,
    };
  }
  const w = wallTime(ms, zone.intl as string);
  return { ...w, offset: offsetMinutes(ms, zone.intl as string) };
}

/** US week fields: week of year/month and week-year (weeks start Sunday, minimal days 1). */
function weekFields(f: Fields): { weekOfYear: number; weekYear: number; weekOfMonth: number; dayOfYear: number } {
  const sunday0 = f.weekday % 7; // Sunday = 0
  const dayOfYear = epochDay(f.year, f.month, f.day) - epochDay(f.year, 1, 1) + 1;
  const daysInYear = epochDay(f.year + 1, 1, 1) - epochDay(f.year, 1, 1);
  const jan1 = (((sunday0 - (dayOfYear - 1)) % 7) + 7) % 7;
  let weekOfYear = Math.floor((dayOfYear - 1 + jan1) / 7) + 1;
  let weekYear = f.year;
  if (dayOfYear - sunday0 + 6 > daysInYear) {
    weekOfYear = 1; // this week holds 1 January of the next year
    weekYear += 1;
  }
  const first = (((sunday0 - (f.day - 1)) % 7) + 7) % 7;
  return { weekOfYear, weekYear, weekOfMonth: Math.floor((f.day - 1 + first) / 7) + 1, dayOfYear };
}

function isoOffset(offset: number, count: number): string {
  if (offset === 0) return 'Z';
  const a = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  return count === 1 ? sign + hh : count === 2 ? sign + hh + mm : `${sign}${hh}:${mm}`;
}

function year(value: number, count: number): string {
  return count === 2 ? pad(value % 100, 2) : pad(value, count);
}

/** SimpleDateFormat(pattern, Locale.US) with setTimeZone(zone), format(new Date(ms)). */
export function formatJavaDate(instant: number, zone: JavaZone, pattern: string): string {
  const ms = Math.floor(instant); // a Java Date holds whole milliseconds (the simulated clock may not)
  const tokens = compilePattern(pattern);
  const f = fieldsOf(ms, zone);
  let weeks: ReturnType<typeof weekFields> | undefined;
  const week = () => (weeks ??= weekFields(f));
  const eraYear = f.year > 0 ? f.year : 1 - f.year;
  let out = '';
  for (const t of tokens) {
    if ('literal' in t) {
      out += t.literal;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += f.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += year(eraYear, n);
        break;
      case 'Y':
        out += year(week().weekYear, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[f.month - 1] : n === 3 ? MONTHS[f.month - 1].slice(0, 3) : pad(f.month, n);
        break;
      case 'w':
        out += pad(week().weekOfYear, n);
        break;
      case 'W':
        out += pad(week().weekOfMonth, n);
        break;
      case 'D':
        out += pad(week().dayOfYear, n);
        break;
      case 'd':
        out += pad(f.day, n);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[f.weekday - 1] : DAYS[f.weekday - 1].slice(0, 3);
        break;
      case 'u':
        out += pad(f.weekday, n);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, n);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case 'K':
        out += pad(f.hour % 12, n);
        break;
      case 'h':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        break;
      case 'm':
        out += pad(f.minute, n);
        break;
      case 's':
        out += pad(f.second, n);
        break;
      case 'S':
        out += pad(f.millisecond, n);
        break;
      case 'z':
        out += zoneName(zone, ms, f.offset, n >= 4);
        break;
      case 'Z': {
        const a = Math.abs(f.offset);
        out += (f.offset < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + pad(a % 60, 2);
        break;
      }
      case 'X':
        out += isoOffset(f.offset, n);
        break;
    }
  }
  return out;
}
