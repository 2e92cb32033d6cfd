/**
 * What the company calendar holds for each call, kept in a hidden, protected sheet
 * "_Calls sync": one row per call ID ever planned (event id, whether it is live or was
 * deleted, its start and end, and a fingerprint of each part of the event last written;
 * the staff-only twin's id and fingerprint; the Meet link and the state of its request;
 * the guests' answers as Calendar last showed them). A run compares the event a Calls row
 * asks for with this record instead of reading Calendar: a mismatch is calendar work still
 * to do (after a crash, a Calendar rate limit, a run that stopped at its deadline, a
 * time-zone change). What people change in Calendar itself comes in through the tick's
 * read-back (readback.ts), which updates this record. A tick reads it once; an edit reads
 * the Call ID column and the rows of the calls it plans (openPart). Written back in one
 * setValues over the changed rows.
 */
import { toCells } from '../../google/cells';
import type { Locale } from '../../core/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet's name in an English workbook (and in every workbook set up before it had a Russian one). */
export const SYNC_SHEET = '_Calls sync';
/** Its name in each language; the column headers stay English (only the script reads them). */
export const SYNC_SHEETS: Readonly<Record<Locale, string>> = { en: SYNC_SHEET, ru: '_Синхронизация звонков' };

/**
 * The sync sheet under the workbook's name for it, else under the other language's (a
 * workbook set up before, or whose language changed): `rename` (setup) gives it the
 * workbook's name.
 */
export function findSyncSheet(ss: Spreadsheet, locale: Locale, rename = false): Sheet | null {
  const own = ss.getSheetByName(SYNC_SHEETS[locale]);
  if (own) return own;
  const other = ss.getSheetByName(SYNC_SHEETS[locale === 'ru' ? 'en' : 'ru']);
  if (other && rename) other.setName(SYNC_SHEETS[locale]);
  return other;
}
const HEADER = [
  'Call ID',
  'Calendar ID',
  'Event ID',
  'State',
  'Start',
  'Time',
  'Guests',
  'Content',
  'Failed',
  'Error',
  'End',
  'Notes event ID',
  'Notes',
  'Meet link',
  'Conference',
  'Answers',
];
const WIDTH = HEADER.length;
/** The Meet link's column (1-based), for readers outside the store (the add-on's "my day"). */
export const SYNC_MEET_COLUMN = HEADER.indexOf('Meet link') + 1;

export interface SyncRecord {
  callId: string;
  calendarId: string;
  eventId: string;
  /**
   * live: the event exists as last written; deleted: removed by us (the id is kept for a
   * restore); removed: deleted by a person in Calendar.
   */
  state: '' | 'live' | 'deleted' | 'removed';
  /** The start and end last written or read back (ms), to tell a reschedule. */
  start: number | null;
  end: number | null;
  /** Fingerprint of the time part; "adopt" when a person moved the event (nothing to write if the row agrees). */
  time: string;
  guests: string;
  content: string;
  /** Fingerprint of an event Calendar refused (not retried until the row changes), and why. */
  failed: string;
  error: string;
  /** The staff-only twin: its id and the fingerprint last written ('' = to write). */
  notesId: string;
  notesPrint: string;
  /** The Google Meet link once Calendar made it. */
  meet: string;
  /** The Meet request: "<state>:<n>" with state pending | meet | failed, n its number. */
  conference: string;
  /** Guests' answers as Calendar last showed them: JSON {e-mail: responseStatus}. */
  answers: string;
}

export const ADOPT = 'adopt';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

const num = (v: unknown): number | null => (typeof v === 'number' ? v : Number(v) || null);

function fromRow(row: readonly unknown[]): SyncRecord {
  const state = str(row[3]);
  return {
    callId: str(row[0]),
    calendarId: str(row[1]),
    eventId: str(row[2]),
    state: state === 'live' || state === 'deleted' || state === 'removed' ? state : '',
    start: num(row[4]),
    time: str(row[5]),
    guests: str(row[6]),
    content: str(row[7]),
    failed: str(row[8]),
    error: str(row[9]),
    end: num(row[10]),
    notesId: str(row[11]),
    notesPrint: str(row[12]),
    meet: str(row[13]),
    conference: str(row[14]),
    answers: str(row[15]),
  };
}

function toRow(r: SyncRecord): unknown[] {
  return [
    r.callId,
    r.calendarId,
    r.eventId,
    r.state,
    r.start ?? '',
    r.time,
    r.guests,
    r.content,
    r.failed,
    r.error,
    r.end ?? '',
    r.notesId,
    r.notesPrint,
    r.meet,
    r.conference,
    r.answers,
  ];
}

export function emptySync(callId: string, calendarId: string): SyncRecord {
  return {
    callId,
    calendarId,
    eventId: '',
    state: '',
    start: null,
    end: null,
    time: '',
    guests: '',
    content: '',
    failed: '',
    error: '',
    notesId: '',
    notesPrint: '',
    meet: '',
    conference: '',
    answers: '',
  };
}

/** A row not read yet (a store opened in part): never written back. */
const UNREAD: unknown[] = Object.freeze([]) as unknown as unknown[];

export class SyncStore {
  private readonly byId = new Map<string, number>();
  private readonly dirty = new Set<number>();
  /** Data rows the sheet had when opened: rows up to there exist, so writing them needs no size read. */
  private readonly existing: number;

  private constructor(
    private readonly ss: Spreadsheet,
    private sheet: Sheet | null,
    private readonly rows: unknown[][],
    /** The sheet was made by an older version with fewer columns: its header is completed on the next write. */
    private oldHeader = false,
    private readonly locale: Locale = 'en',
    ids?: unknown[],
  ) {
    this.existing = rows.length;
    (ids ?? rows.map((row) => row[0])).forEach((v, i) => {
      const id = str(v);
      if (id) this.byId.set(id, i);
    });
  }

  /** Reads the sheet (one getValues); `create` makes it when missing (setup). */
  static open(ss: Spreadsheet, create = false, locale: Locale = 'en'): SyncStore {
    let sheet = findSyncSheet(ss, locale, create);
    if (!sheet && create) sheet = createSheet(ss, locale);
    if (!sheet) return new SyncStore(ss, null, [], false, locale);
    const last = sheet.getLastRow();
    // The header comes with the rows (one call), to see whether it has every column.
    const values = last >= 1 ? sheet.getRange(1, 1, last, WIDTH).getValues() : [];
    const header = values.shift() ?? [];
    return new SyncStore(
      ss,
      sheet,
      values,
      header.some((h, i) => str(h) !== HEADER[i]),
      locale,
    );
  }

  /**
   * An edit's view (issue 15: reads that do not grow with history): the Call ID column
   * with the header (one call), then a call's row when it is first asked for. The sheet
   * keeps a row for every call ever planned; an edit needs a few.
   */
  static openPart(ss: Spreadsheet, locale: Locale = 'en'): SyncStore {
    const sheet = findSyncSheet(ss, locale, false);
    if (!sheet) return new SyncStore(ss, null, [], false, locale);
    const last = sheet.getLastRow();
    if (last < 1) return new SyncStore(ss, sheet, [], true, locale);
    // The Call ID column with its header cell (one call). An older sheet's shorter header is the
    // next tick's to complete (SyncStore.open reads it whole): the edit writes rows of every column.
    const column = sheet
      .getRange(1, 1, last, 1)
      .getValues()
      .map((r) => r[0]);
    const ids = column.slice(1);
    return new SyncStore(
      ss,
      sheet,
      ids.map(() => UNREAD),
      str(column[0]) !== HEADER[0],
      locale,
      ids,
    );
  }

  get(callId: string): SyncRecord | undefined {
    const i = this.byId.get(callId);
    return i === undefined ? undefined : fromRow(this.row(i));
  }

  /** Data row `i`, read now if this store was opened in part and had not read it. */
  private row(i: number): unknown[] {
    if (this.rows[i] === UNREAD && this.sheet) this.rows[i] = this.sheet.getRange(i + 2, 1, 1, WIDTH).getValues()[0];
    return this.rows[i];
  }

  /** Every call ID ever recorded (deleted rows included), so IDs are never reused. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  put(record: SyncRecord): void {
    let i = this.byId.get(record.callId);
    if (i === undefined) {
      i = this.rows.length;
      this.rows.push([]);
      this.byId.set(record.callId, i);
    }
    const next = toRow(record);
    const before = this.row(i);
    if (before.length === WIDTH && next.every((v, k) => v === before[k])) return;
    this.rows[i] = next;
    this.dirty.add(i);
  }

  /**
   * Writes the changed rows (creating the sheet if needed): one setValues over their span,
   * broken only around rows this store did not read.
   */
  flush(): void {
    if (this.dirty.size === 0) return;
    if (!this.sheet) this.sheet = findSyncSheet(this.ss, this.locale) ?? createSheet(this.ss, this.locale);
    const indexes = [...this.dirty].sort((a, b) => a - b);
    const need = indexes[indexes.length - 1] + 2;
    // Rows it had when opened exist (its last row ≤ its size): the size is asked only to append (a read sends the write cache).
    if (need > this.existing + 1) {
      const max = this.sheet.getMaxRows();
      if (max < need) this.sheet.insertRowsAfter(max, need - max);
    }
    if (this.oldHeader) {
      this.sheet.getRange(1, 1, 1, WIDTH).setValues([HEADER]);
      this.oldHeader = false;
    }
    for (const [first, last] of this.spans(indexes)) {
      const values = this.rows.slice(first, last + 1).map((r) => toCells(r.length === WIDTH ? r : toRow(fromRow(r))));
      this.sheet.getRange(first + 2, 1, values.length, WIDTH).setValues(values);
    }
    this.dirty.clear();
  }

  /** Runs from one changed row to the next that hold no unread row. */
  private spans(indexes: readonly number[]): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const i of indexes) {
      const last = out[out.length - 1];
      if (last && this.rows.slice(last[1] + 1, i).every((r) => r !== UNREAD)) last[1] = i;
      else out.push([i, i]);
    }
    return out;
  }
}

function createSheet(ss: Spreadsheet, locale: Locale): Sheet {
  const sheet = ss.insertSheet(SYNC_SHEETS[locale]);
  sheet.getRange(1, 1, 1, WIDTH).setValues([HEADER]);
  sheet.hideSheet();
  const p = sheet.protect().setDescription('Reglament: calendar sync (system)');
  const me = Session.getEffectiveUser().getEmail();
  const others = p
    .getEditors()
    .map((u) => u.getEmail())
    .filter((e) => e && e !== me);
  if (others.length) p.removeEditors(others);
  if (p.canDomainEdit()) p.setDomainEdit(false); // owner only: no domain-wide edit either
  return sheet;
}
