/**
 * One run of the Calls feature: what it read (the Calls, Candidates, Orders, Templates and
 * Staff tabs, each once), the plans of its rows, and the batched writes that finish it.
 * The jobs of a run are modules around this object (docs/ARCHITECTURE.md): plan.ts (rows →
 * plans, IDs, Outbox rows), events.ts (calendar writes), calendar-changes.ts (what people
 * changed in Calendar), sending.ts (reminders, comments, alerts through src/mail).
 */
import { runProperties } from '../../app/run-properties';
import { CallCheck, PlannedCall } from './rules/calls';
import { CandidateInfo, normId, orderIndex, OrderInfo, splitIds } from './rules/indexes';
import { EditScope, ordersInScope, readEditScope } from './scope';
import { CommentCheck } from './rules/comments';
import { Hire } from './rules/hire';
import { hasErrors, problemsText, say } from './rules/messages';
import { Problem } from '../../core/i18n';
import { CallTypeKey, reminderOffsets } from './rules/offsets';
import { isReminderKey, RecipientResolver, ReminderPlan, staffResolver } from './rules/reminders';
import { Locale, OUTBOX_STATES, choiceLabel } from '../../core/schema';
import { SettingKey } from '../../core/settings';
import { readTemplateRows, TemplateRow } from '../../core/templates';
import { isDate, wallClockOf } from '../../core/time';
import { DesiredEvent, DesiredNotes, takeWrites } from '../../google/calendar';
import { CallMail, followUpMail, MailContext, offsetOfKey, reminderMail } from './mail';
import { keepOwnWrites, keepToken, ReadBack } from './readback';
import { CandidateBook } from './candidates';
import { leaveWork } from '../../app/gate';
import { calendarPaused } from '../../app/calendar-pause';
import { SyncRecord, SyncStore } from './sync';
import { RunContext } from '../../app/context';
import { OutboxRow } from '../../mail/outbox';
import { recordsOf, writeColumn, writeRowCells } from '../../google/records';
import { cell, isLoaded, TabData } from '../../google/workbook';
import { zoneOf } from '../../google/zone';

/** Above this many routine entries of one kind in a run, the Log gets one summary row. */
export const BULK_LOG = 20;

export const OFFSET_SETTING: Record<CallTypeKey, SettingKey> = {
  first: 'reminderFirstCall',
  interview: 'reminderInterview',
  repeat: 'reminderRepeatCall',
  intro: 'reminderIntroductoryCall',
};

export type CallStatus = 'scheduled' | 'done' | 'cancelled';

export const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export function outboxLabel(key: string, locale: Locale): string {
  return choiceLabel(OUTBOX_STATES.find((s) => s.key === key) ?? OUTBOX_STATES[0], locale);
}

/** One Calls row as this run reads it and what it asks for. */
export interface Plan {
  /** Data row index, or -1 for a call whose row was deleted. */
  index: number;
  callId: string;
  rec: Record<string, unknown>;
  status: CallStatus;
  /** The row is gone or emptied: its event and reminders are cancelled. */
  removed: boolean;
  check: CallCheck | null;
  call: PlannedCall | null;
  desired: DesiredEvent | null;
  comment: CommentCheck | null;
  commentOk: boolean;
  hire: Hire | null;
  problems: Problem[];
  /** Lines in the workbook's locale added by this run (calendar, mail). */
  extra: string[];
  /** The Outbox plan; null holds the call's rows as they are (the row has errors). */
  reminders: ReminderPlan | null;
  sync: SyncRecord | undefined;
  /** The Event ID the row should show. */
  eventId: string;
  /** The staff-only twin to write (null: held, or none). */
  notes: DesiredNotes | null;
  /** A call with no row of its own (an interview booked in Calling results): reminders only. */
  booked?: boolean;
}

/** The twin was deleted with its call (written again, restored, if the call comes back). */
export const NOTES_DELETED = 'deleted';

export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}|${p.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function dedupeText(lines: string[]): string[] {
  return [...new Set(lines)];
}

export class CallsRun {
  readonly sync: SyncStore;
  readonly candidates: Map<string, CandidateInfo>;
  readonly candidateRows: Map<string, number>;
  readonly candidateBook: CandidateBook;
  readonly orders: Map<string, OrderInfo>;
  readonly templates: TemplateRow[];
  readonly resolver: RecipientResolver;
  readonly staffNames = new Map<string, string>();
  readonly mc: MailContext;
  readonly calendarId: string;
  readonly tabName: string;
  readonly templateCache = new Map<string, Problem[]>();
  readonly offsetProblems = new Map<CallTypeKey, Problem[]>();
  readonly offsets: Record<CallTypeKey, number[]>;
  readonly changes = new Map<string, Map<number, unknown>>();
  readonly candidateStatus = new Map<number, unknown>();
  /** Candidates cells the after-interview work wrote (after-interview.ts). */
  candidateWrites = 0;
  plans: Plan[] = [];
  spreadsheetId = '';
  calendarStop: string | null = null;
  mailStop = false;
  /** Calendar work left for the next run because this one reached its deadline. */
  deferred = 0;
  outboxIndex: Map<string, OutboxRow> | null = null;
  readonly notes = new Map<string, Array<{ rowKey: string; details: string }>>();
  /** Cells of person-owned columns a Calendar change sets (Start, Duration, Status): written row by row. */
  readonly personCells = new Map<number, Record<string, unknown>>();
  readBackResult: ReadBack | null = null;

  constructor(
    readonly ctx: RunContext,
    readonly calls: TabData,
    readonly outbox: TabData | null,
    readonly deadline: number,
    /** Rows an edit touched (they yield a duplicated Call ID); null in a tick. */
    readonly edited: Set<number> | null,
    /** What an edit read of the tabs (scope.ts); null: a tick, which reads them whole. */
    readonly scope: EditScope | null = null,
  ) {
    this.sync = scope ? SyncStore.openPart(ctx.ss, ctx.locale) : SyncStore.open(ctx.ss, false, ctx.locale);
    // An edit reads only the candidates it looks up (candidates.ts); a tick reads the tab.
    this.candidateBook = new CandidateBook(ctx, edited !== null);
    // The edited calls' candidates, read together (a call's candidates often sit side by side).
    if (edited)
      this.candidateBook.preload(
        [...edited].flatMap((i) => (isLoaded(calls.rows[i]) ? splitIds(cell(calls, calls.rows[i], 'candidateIds')) : [])),
      );
    this.candidates = this.candidateBook.byId;
    this.candidateRows = this.candidateBook.rows;
    const ordersTab = scope ? null : ctx.tab('orders');
    this.orders = scope ? ordersInScope(ctx, scope) : orderIndex(ordersTab ? recordsOf(ordersTab) : []);
    const templatesTab = ctx.tab('templates');
    this.templates = readTemplateRows(templatesTab ? recordsOf(templatesTab) : []);
    const staffTab = ctx.tab('staff');
    const staff = staffTab ? recordsOf(staffTab) : [];
    this.resolver = staffResolver(staff, ctx.zone);
    for (const s of staff) {
      const email = text(s.email).toLowerCase();
      if (email && !this.staffNames.has(email)) this.staffNames.set(email, text(s.name));
    }
    this.mc = {
      zone: ctx.zone,
      templates: this.templates,
      senderName: ctx.settings.senderName,
      resolver: this.resolver,
      staffNames: this.staffNames,
      zoneOf: (id: string) => (id ? zoneOf(id) : ctx.zone),
    };
    this.calendarId = ctx.settings.companyCalendarId.trim() || 'primary';
    this.tabName = calls.sheet.getName();
    this.offsets = reminderOffsets(ctx.settings, ctx.locale).byType;
    for (const type of Object.keys(OFFSET_SETTING) as CallTypeKey[]) {
      const key = OFFSET_SETTING[type];
      this.offsetProblems.set(type, reminderOffsets({ [key]: ctx.settings[key] }, ctx.locale).problems);
    }
  }

  /**
   * A tick's or a re-check's run (`edited` null: every tab whole), or an edit's: in an edit's
   * run (ctx.partial) what the edited calls need (scope.ts); an edit the tick applies for a
   * busy run shares the tick's tabs.
   */
  /** `block`: an edit's block of Calls as the guard left it (edits only). */
  static open(
    ctx: RunContext,
    deadline: number,
    edited: Set<number> | null,
    block?: TabData,
    idsEdited = true,
    timeOnly = false,
  ): CallsRun | null {
    if (edited && ctx.partial) {
      const part = readEditScope(ctx, edited, block, idsEdited, timeOnly);
      if (!part) return null;
      const run = new CallsRun(ctx, part.calls, ctx.outbox()?.tab ?? null, deadline, edited, part.scope);
      // An edit of a call writes its event: the ID asked now, before the run's first write, sends no write cache.
      run.ssId();
      return run;
    }
    const calls = ctx.tab('calls');
    if (!calls) return null;
    return new CallsRun(ctx, calls, ctx.outbox()?.tab ?? null, deadline, edited);
  }

  /** Every row's Call ID, read or not (IDs are never reused). */
  callIds(): string[] {
    return this.scope ? this.scope.callIds() : this.calls.rows.map((r) => text(cell(this.calls, r, 'callId')));
  }

  /** May this run set the candidate's row? An edit only for candidates whose every call it read (scope.ts). */
  judges(candidateId: string): boolean {
    return !this.scope || this.scope.complete.has(normId(candidateId));
  }

  get locale(): Locale {
    return this.ctx.locale;
  }

  get now(): number {
    return this.ctx.now.getTime();
  }

  timeLeft(): boolean {
    return Date.now() < this.deadline;
  }

  log(rowKey: string, action: string, details = ''): void {
    this.ctx.log({ tab: this.tabName, rowKey, action, details });
  }

  /** Routine per-call entries (IDs, events): one Log row each, or one summary row when a run makes many. */
  note(rowKey: string, action: string, details = ''): void {
    const list = this.notes.get(action);
    if (list) list.push({ rowKey, details });
    else this.notes.set(action, [{ rowKey, details }]);
  }

  flushNotes(): void {
    for (const [action, list] of this.notes) {
      if (list.length <= BULK_LOG) for (const n of list) this.log(n.rowKey, action, n.details);
      else
        this.log(
          '',
          `${action}: ${list.length}`,
          list
            .slice(0, 10)
            .map((n) => n.rowKey)
            .join(', ') + ', …',
        );
    }
    this.notes.clear();
  }

  set(key: string, index: number, value: unknown): void {
    if (index < 0) return;
    const current = cell(this.calls, this.calls.rows[index], key);
    const same = isDate(current) && isDate(value) ? current.getTime() === value.getTime() : current === value;
    if (same) return;
    let col = this.changes.get(key);
    if (!col) this.changes.set(key, (col = new Map()));
    col.set(index, value);
  }

  ssId(): string {
    if (!this.spreadsheetId) this.spreadsheetId = this.ctx.ss.getId();
    return this.spreadsheetId;
  }

  // ---- planning ----

  /** The e-mail an Outbox row of this call stands for, rendered from the row as it is now. */
  mailOf(plan: Plan, key: string, recipient: string): CallMail | null {
    const call = plan.call;
    if (!call) return null;
    if (isReminderKey(key)) {
      const offset = offsetOfKey(key);
      return offset === null ? null : reminderMail(this.mc, call, recipient, offset, plan.sync?.meet ?? '', !!plan.booked);
    }
    if (/\|followUp$/.test(key) && plan.comment) return followUpMail(this.mc, call, plan.comment);
    return null;
  }

  // ---- calendar ----

  when(ms: number | null): string {
    if (ms === null) return '';
    const w = wallClockOf(this.ctx.zone, ms);
    const p = (x: number) => String(x).padStart(2, '0');
    const date = this.locale === 'ru' ? `${p(w.day)}.${p(w.month)}.${w.year}` : `${w.year}-${p(w.month)}-${p(w.day)}`;
    return `${date} ${p(w.hour)}:${p(w.minute)}`;
  }

  /** A person-owned cell a Calendar change sets: in memory now (the plan reads it), written row by row at the end. */
  setPerson(index: number, key: string, value: unknown): void {
    const col = this.calls.columns.index[key];
    if (col === undefined) return;
    this.calls.rows[index][col] = value;
    const cells = this.personCells.get(index) ?? {};
    cells[key] = value;
    this.personCells.set(index, cells);
  }

  // ---- after the call ----

  index(): Map<string, OutboxRow> {
    if (!this.outboxIndex && this.outbox) this.outboxIndex = this.ctx.outbox()?.index ?? null;
    return this.outboxIndex ?? new Map();
  }

  /** Problems of every planned row, then the system columns, candidate statuses and the sync sheet in batches; returns the cells changed. */
  finish(): number {
    // Calendar work this run could not do (a limit, its deadline) is the next tick's.
    // Paused after a refusal (calendar-pause.ts): the tick when the pause ends carries on, not the next one.
    if ((this.calendarStop !== null && calendarPaused(this.ctx) === null) || this.deferred > 0) leaveWork(this.ctx);
    for (const plan of this.plans) {
      if (plan.index < 0) continue;
      const lines = [problemsText(dedupe(plan.problems), this.locale), ...dedupeText(plan.extra)].filter(Boolean);
      const textNow = lines.join('\n');
      if (textNow !== text(plan.rec.problems)) {
        this.set('problems', plan.index, textNow);
        if (hasErrors(plan.problems) || plan.extra.length) this.log(plan.callId, say(this.locale, 'logFlagged'), textNow);
      }
    }
    // Start, Duration, Status from a change in Calendar: only those cells, row by row (a person may be typing in others).
    for (const [i, cells] of this.personCells) writeRowCells(this.calls, i, cells);
    const touched = new Set<number>();
    for (const col of this.changes.values()) for (const i of col.keys()) touched.add(i);
    if (touched.size === 1) {
      const [i] = [...touched];
      const cells: Record<string, unknown> = {};
      for (const [key, col] of this.changes) cells[key] = col.get(i);
      writeRowCells(this.calls, i, cells);
    } else {
      for (const [key, col] of this.changes) writeColumn(this.calls, key, col);
    }
    // Candidates' Status is a person's column: each hire writes its own cell (rare), never a span over others.
    const candidates = this.candidateBook.tab;
    if (candidates) for (const [i, status] of this.candidateStatus) if (this.candidateBook.row(i)) writeRowCells(candidates, i, { status });
    this.sync.flush();
    // An edit's run: its held snapshot (app/run-properties.ts), written once at its end.
    const props = runProperties() as GoogleAppsScript.Properties.Properties;
    if (this.readBackResult) keepToken(this.calendarId, this.readBackResult.token, props);
    keepOwnWrites(takeWrites(), this.readBackResult !== null, props);
    this.flushNotes();
    return [...this.changes.values()].reduce((n, col) => n + col.size, 0) + this.candidateStatus.size + this.candidateWrites;
  }
}
