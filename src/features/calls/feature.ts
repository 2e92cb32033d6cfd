/**
 * Calls (SPEC §4, §6; issue 5): each Calls row gets a Call ID, exactly one event on the
 * company calendar with its guests and reminder overrides, its reminder e-mails planned
 * as Outbox rows, and — once Done — its comment checked against its type's template,
 * e-mailed to the manager and written into the event under "Results" / "Fresh Results".
 *
 * An edit of the Calls tab plans that call at once. Every tick brings every call in line
 * the same way (so a crash, a Calendar rate limit, a time-zone or Settings change, a Staff
 * absence or a candidate's new address all converge within one tick), then sends the
 * reminders that are due and marks those whose call has started as Missed.
 *
 * Two audiences (issue 12, core/calls.ts): the guests' event carries only guest text and a
 * Google Meet (or the link typed in "Meeting link"); the staff's instructions, the comment
 * template and the posted comment go into the call's staff-only twin event. Every tick
 * first reads the company calendar back (calls-readback.ts, one Events.list with a sync
 * token): an event moved or deleted in Calendar moves or cancels the Calls row (logged
 * "Changed in Calendar") and its reminders; guests' answers fill "Guests' answers", and a
 * decline by the client or by every candidate is e-mailed to the manager once. An
 * "Interview booked" row of Calling results with its time gets the candidate the Interview
 * reminders too (calls without an event of their own).
 *
 * Cost: each tab is read once per run; system columns and Outbox states are written back
 * in batches; Calendar and MailApp are called once per event or message that changes.
 * What the calendar holds is remembered in the hidden "_Calls sync" / «_Синхронизация звонков» sheet (calls-sync.ts);
 * what people changed there comes from the one incremental list per tick.
 */
import {
  candidateIndex,
  CandidateInfo,
  CallCheck,
  checkCall,
  DEFAULT_DURATION_MINUTES,
  normId,
  orderIndex,
  OrderInfo,
  PlannedCall,
} from './rules/calls';
import { answersText, declinesOf, guestNames, parseAnswers } from './rules/answers';
import { bookedInterviews, BOOKED_PREFIX } from './rules/booked';
import { appendResults, checkComment, checkHire, CommentCheck, Hire, resultsHeading } from './rules/comments';
import { callText, hasErrors, problem, problemsText } from './rules/messages';
import { Problem } from '../../core/i18n';
import { CallTypeKey, reminderOffsets } from './rules/offsets';
import {
  afterSendError,
  callIdOfKey,
  dueDecision,
  isReminderKey,
  planFollowUp,
  planReminders,
  RecipientResolver,
  reconcile,
  REMINDER_TEMPLATE,
  ReminderPlan,
  staffResolver,
} from './rules/reminders';
import { CALL_STATUSES, LANGUAGES, Locale, OUTBOX_STATES, choiceLabel, findChoice } from '../../core/schema';
import { SettingKey } from '../../core/settings';
import {
  DEFAULT_TEMPLATES,
  SEED_001_TEMPLATE_KEYS,
  pickLanguage,
  readTemplateRows,
  supersededBy,
  TemplateKey,
  TemplateRow,
  checkTemplateRow,
} from '../../core/templates';
import { dayNumber, isDate, localDateOf, wallClockOf } from '../../core/time';
import {
  CalendarFailure,
  ConferenceChange,
  DesiredEvent,
  DesiredNotes,
  deleteEvent,
  eventIdFor,
  EventParts,
  hash,
  notesPrintOf,
  PARTS,
  partsOf,
  readEvent,
  conferenceOf,
  rethrowIfKilled,
  saveEvent,
  saveNotes,
} from '../../google/calendar';
import { CallMail, commentMail, declinedMail, followUpMail, MailContext, offsetOfKey, reminderMail, templateProblems } from './mail';
import { keepToken, ObservedCall, readBack, ReadBack } from './readback';
import { ADOPT, emptySync, SyncRecord, SyncStore } from './sync';
import { say } from './rules/messages';
import { RunContext } from '../../app/context';
import { Feature, TabEdit } from '../../app/feature';
import { deliver, indexOutbox, OutboxRow, outboxState, QUOTA_MESSAGE, sendOnce, settleInterrupted, writeState } from '../../mail/outbox';
import { recordOf, recordsOf, writeColumn, writeRowCells } from '../../google/records';
import { TICK_MINUTES } from '../../google/triggers';
import { appendRows, cell, sheetRow, TabData } from '../../google/workbook';
import { zoneOf } from '../../google/zone';

/** An edit stops starting calendar work after this; the tick finishes the rest. */
const EDIT_BUDGET_MS = 4 * 60 * 1000;
/** Room left before a deadline for the final batched writes. */
const MARGIN_MS = 10 * 1000;
const QUOTA_LOGGED = 'calls.mailQuotaLoggedOn';
const READ_BACK_LOGGED = 'calls.readBackLoggedOn';
/** Above this many routine entries of one kind in a run, the Log gets one summary row. */
const BULK_LOG = 20;

/** The templates the calls e-mails use; setup adds the missing ones (both languages) to the Templates tab. */
export const CALL_TEMPLATE_KEYS: TemplateKey[] = [
  'reminder.firstCall',
  'reminder.interview',
  'reminder.repeatCall',
  'reminder.introCall',
  'comment.toManager',
  'followUp.manager',
  'alert.callDeclined',
];

const OFFSET_SETTING: Record<CallTypeKey, SettingKey> = {
  first: 'reminderFirstCall',
  interview: 'reminderInterview',
  repeat: 'reminderRepeatCall',
  intro: 'reminderIntroductoryCall',
};

/** Per-message refusals (retrying cannot help); anything else but the quota is taken as transient. */
const PERMANENT_MAIL_ERROR = /Invalid email|no recipient|Recipients Per Message|Email Body Size|Argument too large/i;

type CallStatus = 'scheduled' | 'done' | 'cancelled';

export const callsFeature: Feature = {
  name: 'calls',
  tabs: ['calls', 'templates'],
  onEdit(ctx, edit) {
    if (edit.tab === 'templates') {
      checkTemplateEdit(ctx, edit);
      return;
    }
    const run = CallsRun.open(ctx, Date.now() + EDIT_BUDGET_MS, new Set(edit.rows));
    if (!run) return;
    run.plan(edit.rows);
    run.calendarWork();
    run.commentsAndHires(true);
    run.finish();
  },
  tick(ctx, deadline) {
    const run = CallsRun.open(ctx, deadline - MARGIN_MS, null);
    if (!run) return;
    // What people changed in Calendar comes first: the rows and reminders follow it.
    run.readCalendar();
    run.plan(null);
    // Reminders are due at a minute; calendar catch-up work is not: send first.
    run.sendDue();
    run.declineAlerts();
    run.calendarWork();
    // A hire sets the candidate's status when the row is edited, not on every tick (a person may change it later).
    run.commentsAndHires(false);
    run.finish();
  },
  check(ctx, tab) {
    if (tab !== 'calls') return 0;
    const run = CallsRun.open(ctx, Date.now() + EDIT_BUDGET_MS, null);
    if (!run) return 0;
    run.plan(null);
    run.calendarWork();
    run.commentsAndHires(false);
    return run.finish();
  },
  setup(ctx) {
    addDefaultTemplates(ctx);
    SyncStore.open(ctx.ss, true, ctx.locale);
  },
};

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function outboxLabel(key: string, locale: Locale): string {
  return choiceLabel(OUTBOX_STATES.find((s) => s.key === key) ?? OUTBOX_STATES[0], locale);
}

/** One Calls row as this run reads it and what it asks for. */
interface Plan {
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

class CallsRun {
  private readonly sync: SyncStore;
  private readonly candidates: Map<string, CandidateInfo>;
  private readonly candidateRows = new Map<string, number>();
  private readonly orders: Map<string, OrderInfo>;
  private readonly templates: TemplateRow[];
  private readonly resolver: RecipientResolver;
  private readonly staffNames = new Map<string, string>();
  private readonly mc: MailContext;
  private readonly calendarId: string;
  private readonly tabName: string;
  private readonly templateCache = new Map<string, Problem[]>();
  private readonly offsetProblems = new Map<CallTypeKey, Problem[]>();
  private readonly offsets: Record<CallTypeKey, number[]>;
  private readonly changes = new Map<string, Map<number, unknown>>();
  private readonly candidateStatus = new Map<number, unknown>();
  private plans: Plan[] = [];
  private spreadsheetId = '';
  private calendarStop: string | null = null;
  private mailStop = false;
  /** Calendar work left for the next run because this one reached its deadline. */
  private deferred = 0;
  private outboxIndex: Map<string, OutboxRow> | null = null;
  private readonly notes = new Map<string, Array<{ rowKey: string; details: string }>>();
  /** Cells of person-owned columns a Calendar change sets (Start, Duration, Status): written row by row. */
  private readonly personCells = new Map<number, Record<string, unknown>>();
  private readBackResult: ReadBack | null = null;

  private constructor(
    private readonly ctx: RunContext,
    private readonly calls: TabData,
    private readonly outbox: TabData | null,
    private readonly deadline: number,
    /** Rows an edit touched (they yield a duplicated Call ID); null in a tick. */
    private readonly edited: Set<number> | null,
  ) {
    this.sync = SyncStore.open(ctx.ss, false, ctx.locale);
    const candidatesTab = ctx.tab('candidates');
    const candidateRecords = candidatesTab ? recordsOf(candidatesTab) : [];
    this.candidates = candidateIndex(candidateRecords);
    candidateRecords.forEach((r, i) => {
      const id = text(r.candidateId);
      if (id && !this.candidateRows.has(normId(id))) this.candidateRows.set(normId(id), i);
    });
    const ordersTab = ctx.tab('orders');
    this.orders = orderIndex(ordersTab ? recordsOf(ordersTab) : []);
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

  static open(ctx: RunContext, deadline: number, edited: Set<number> | null): CallsRun | null {
    const calls = ctx.tab('calls');
    if (!calls) return null;
    return new CallsRun(ctx, calls, ctx.tab('outbox'), deadline, edited);
  }

  private get locale(): Locale {
    return this.ctx.locale;
  }

  private get now(): number {
    return this.ctx.now.getTime();
  }

  private timeLeft(): boolean {
    return Date.now() < this.deadline;
  }

  private log(rowKey: string, action: string, details = ''): void {
    this.ctx.log({ tab: this.tabName, rowKey, action, details });
  }

  /** Routine per-call entries (IDs, events): one Log row each, or one summary row when a run makes many. */
  private note(rowKey: string, action: string, details = ''): void {
    const list = this.notes.get(action);
    if (list) list.push({ rowKey, details });
    else this.notes.set(action, [{ rowKey, details }]);
  }

  private flushNotes(): void {
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

  private set(key: string, index: number, value: unknown): void {
    if (index < 0) return;
    const current = cell(this.calls, this.calls.rows[index], key);
    const same = isDate(current) && isDate(value) ? current.getTime() === value.getTime() : current === value;
    if (same) return;
    let col = this.changes.get(key);
    if (!col) this.changes.set(key, (col = new Map()));
    col.set(index, value);
  }

  private ssId(): string {
    if (!this.spreadsheetId) this.spreadsheetId = this.ctx.ss.getId();
    return this.spreadsheetId;
  }

  // ---- planning ----

  /** Reads the rows (all of them in a tick), gives them IDs, and brings their Outbox rows in line. */
  plan(indexes: number[] | null): void {
    const rows = (indexes ?? this.calls.rows.map((_, i) => i)).filter((i) => i >= 0 && i < this.calls.rows.length);
    this.assignIds(rows);
    this.plans = [];
    for (const i of rows) {
      const plan = this.analyze(i);
      if (plan) this.plans.push(plan);
    }
    if (indexes === null) this.plans.push(...this.deletedRows(), ...this.bookedPlans());
    this.reconcileOutbox();
  }

  /**
   * Interviews booked in Calling results (core/booked.ts) as reminder-only plans, and the
   * bookings that no longer stand (their pending reminders are cancelled).
   */
  private bookedPlans(): Plan[] {
    const tab = this.ctx.tab('callingResults');
    const invited = new Set<string>();
    for (const p of this.plans) {
      if (p.status !== 'scheduled' || !p.call || (p.call.type !== 'interview' && p.call.type !== 'repeat')) continue;
      for (const c of p.call.candidates) invited.add(`${c.email.toLowerCase()}|${Math.round(p.call.start / 60000)}`);
    }
    const calls = tab
      ? bookedInterviews(recordsOf(tab), {
          candidates: this.candidates,
          orders: this.orders,
          locale: this.locale,
          covered: (email, start) => invited.has(`${email}|${Math.round(start / 60000)}`),
        })
      : [];
    const base = {
      index: -1,
      rec: {},
      removed: false,
      check: null,
      desired: null,
      comment: null,
      commentOk: false,
      hire: null,
      problems: [],
      extra: [],
      sync: undefined,
      eventId: '',
      notes: null,
      booked: true,
    };
    const out: Plan[] = calls.map((call) => ({
      ...base,
      callId: call.callId,
      status: 'scheduled',
      call,
      reminders: planReminders(call, this.offsets, this.resolver, this.now),
    }));
    const standing = new Set(calls.map((c) => c.callId));
    const outbox = this.outbox;
    if (outbox) {
      const gone = new Set<string>();
      for (const row of outbox.rows) {
        const id = callIdOfKey(text(cell(outbox, row, 'key')));
        if (id.startsWith(BOOKED_PREFIX) && !standing.has(id) && outboxState(cell(outbox, row, 'state')) === 'pending') gone.add(id);
      }
      for (const id of gone)
        out.push({ ...base, callId: id, status: 'cancelled', removed: true, call: null, reminders: { callId: id, callStart: 0, entries: [] } });
    }
    return out;
  }

  private personBlank(row: readonly unknown[]): boolean {
    return this.calls.def.columns.every((c) => {
      if (c.system) return true;
      const v = cell(this.calls, row, c.key);
      return v === '' || v === null || v === undefined || v === false || (typeof v === 'string' && !v.trim());
    });
  }

  /**
   * New rows get the next Call ID. A row carrying another row's ID (a copied row) gets a
   * new one and loses the copied Event ID: the row an edit touched yields, else the later one.
   * IDs are written at once, before anything is keyed by them.
   */
  private assignIds(rows: number[]): void {
    const ids = this.calls.rows.map((r) => text(cell(this.calls, r, 'callId')));
    const keeper = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!id) return;
      const k = keeper.get(id);
      const touched = (n: number) => this.edited !== null && this.edited.has(n);
      if (k === undefined || (touched(k) && !touched(i))) keeper.set(id, i);
    });
    const used = new Set([...ids.filter(Boolean), ...this.sync.ids()]);
    const year = localDateOf(this.ctx.zone, this.now).year;
    let next = 0;
    for (const id of used) {
      const m = /^CALL-(\d{4})-(\d+)$/.exec(id);
      if (m && Number(m[1]) === year) next = Math.max(next, Number(m[2]));
    }
    const idCol = new Map<number, unknown>();
    const eventCol = new Map<number, unknown>();
    const sentCol = new Map<number, unknown>();
    const answersCol = new Map<number, unknown>();
    for (const i of rows) {
      const row = this.calls.rows[i];
      if (this.personBlank(row)) continue;
      const id = ids[i];
      if (id && keeper.get(id) === i) continue;
      const fresh = `CALL-${year}-${String(++next).padStart(4, '0')}`;
      idCol.set(i, fresh);
      if (id) {
        eventCol.set(i, '');
        sentCol.set(i, '');
        answersCol.set(i, '');
        this.note(fresh, say(this.locale, 'logCopied'), id);
      } else this.note(fresh, say(this.locale, 'logIdAssigned'), `#${sheetRow(i)}`);
    }
    writeColumn(this.calls, 'callId', idCol);
    writeColumn(this.calls, 'eventId', eventCol);
    writeColumn(this.calls, 'commentSentAt', sentCol);
    writeColumn(this.calls, 'guestAnswers', answersCol);
  }

  private analyze(index: number): Plan | null {
    const row = this.calls.rows[index];
    const rec = recordOf(this.calls, row);
    const callId = text(rec.callId);
    if (!callId) return null;
    const sync = this.sync.get(callId);
    const liveId = sync && sync.state === 'live' ? sync.eventId : '';
    const base: Plan = {
      index,
      callId,
      rec,
      status: 'cancelled',
      removed: false,
      check: null,
      call: null,
      desired: null,
      comment: null,
      commentOk: false,
      hire: null,
      problems: [],
      extra: [],
      reminders: null,
      sync,
      eventId: liveId || text(rec.eventId),
      notes: null,
    };
    if (this.personBlank(row)) {
      return { ...base, removed: true, reminders: { callId, callStart: sync?.start ?? 0, entries: [] } };
    }
    const check = checkCall(
      { ...rec, eventId: base.eventId },
      {
        now: this.now,
        zone: this.ctx.zone,
        locale: this.locale,
        candidates: this.candidates,
        orders: this.orders,
        offsets: this.offsets,
        previousStart: liveId ? (sync?.start ?? null) : null,
        staffNames: this.staffNames,
        meetLink: sync?.meet || undefined,
      },
    );
    const plan: Plan = { ...base, status: check.status as CallStatus, check, problems: [...check.problems] };
    if (check.status === 'cancelled') {
      plan.reminders = { callId, callStart: sync?.start ?? 0, entries: [] };
      return plan;
    }
    const call = check.call;
    if (!call || !check.event) return plan; // errors: hold the event and the reminders as they are
    if (!(call.orderId && this.orders.has(call.orderId))) call.language = this.locale;
    plan.call = call;
    plan.problems.push(...(this.offsetProblems.get(call.type) ?? []));
    // The comment goes to the staff-only twin, never to the event the guests read.
    let notes = check.event.notes.description;
    if (check.status === 'done') {
      plan.comment = checkComment(call.type, rec.comment, call.candidates);
      plan.commentOk = !hasErrors(plan.comment.problems);
      plan.problems.push(...plan.comment.problems);
      if (plan.commentOk) notes = appendResults(notes, resultsHeading(call.type), text(rec.comment));
      plan.problems.push(...templateProblems(this.mc, this.templateCache, 'comment.toManager', call.language));
    }
    if (sync) this.set('guestAnswers', index, answersText(call, parseAnswers(sync.answers), this.locale));
    if (rec.hired === true) {
      const hire = checkHire(
        {
          hired: rec.hired,
          hireStartDate: rec.hireStartDate,
          price: rec.price,
          contractLink: rec.contractLink,
          hiredCandidateId: rec.hiredCandidateId,
        },
        call.candidates,
      );
      plan.problems.push(...hire.problems);
      if (hire.hire && !this.candidateRows.has(normId(hire.hire.candidateId)))
        plan.problems.push(problem('candidateUnknown', { id: hire.hire.candidateId }));
      else plan.hire = hire.hire;
    }
    plan.desired = {
      callId,
      title: check.event.title,
      start: check.event.start,
      end: check.event.end,
      zoneId: this.ctx.zone.id,
      description: check.event.description,
      guests: check.event.guests,
      guestsCanSeeOtherGuests: check.event.guestsCanSeeOtherGuests,
      meetingLink: check.event.conference.kind === 'link' ? check.event.conference.url : '',
      reminderMinutes: check.event.reminderMinutes,
    };
    plan.notes = {
      callId,
      title: check.event.notes.title,
      start: check.event.start,
      end: check.event.end,
      zoneId: this.ctx.zone.id,
      description: notes,
    };
    // A Scheduled call whose (new) start has passed is not written: the warning asks to
    // correct the date or mark the call Done (a Done call gets its event for the results).
    if (check.status === 'scheduled' && call.start < this.now && !(liveId && sync?.start === call.start)) {
      plan.desired = null;
      plan.notes = null;
    }
    if (check.status === 'scheduled') {
      plan.reminders = planReminders(call, this.offsets, this.resolver, this.now);
      // A guest who declined in Calendar is not reminded (the manager is told); answering yes again brings it back.
      const answers = parseAnswers(sync?.answers ?? '');
      plan.reminders.entries = plan.reminders.entries.filter((e) => answers[e.routedFrom ?? e.recipient] !== 'declined');
      if (plan.reminders.entries.length)
        plan.problems.push(...templateProblems(this.mc, this.templateCache, REMINDER_TEMPLATE[call.type], call.language));
    } else {
      plan.reminders = { callId, callStart: call.start, entries: [] };
      const next = plan.comment?.nextContact;
      if (call.type === 'first' && plan.commentOk && next && next.kind === 'date') {
        const today = dayNumber(localDateOf(this.ctx.zone, this.now));
        // A Next Contact Date already past when the comment is written gets no reminder.
        if (dayNumber(next.date) >= today) {
          plan.reminders.entries.push(planFollowUp(callId, call.managerEmail, next.date, this.ctx.zone, this.resolver));
          plan.problems.push(...templateProblems(this.mc, this.templateCache, 'followUp.manager', call.language));
        }
      }
    }
    return plan;
  }

  /**
   * Calls whose row is gone (known to the sync sheet, or with reminders in the Outbox):
   * their event and pending reminders are cancelled.
   */
  private deletedRows(): Plan[] {
    const present = new Set(this.calls.rows.map((r) => text(cell(this.calls, r, 'callId'))));
    const gone = new Set<string>();
    for (const id of this.sync.ids()) if (!present.has(id) && this.sync.get(id)?.state === 'live') gone.add(id);
    const outbox = this.outbox;
    if (outbox) {
      for (const row of outbox.rows) {
        const id = callIdOfKey(text(cell(outbox, row, 'key')));
        if (/^CALL-\d{4}-\d+$/.test(id) && !present.has(id) && outboxState(cell(outbox, row, 'state')) === 'pending') gone.add(id);
      }
    }
    const out: Plan[] = [];
    for (const id of gone) {
      const sync = this.sync.get(id);
      out.push({
        index: -1,
        callId: id,
        rec: {},
        status: 'cancelled',
        removed: true,
        check: null,
        call: null,
        desired: null,
        comment: null,
        commentOk: false,
        hire: null,
        problems: [],
        extra: [],
        reminders: { callId: id, callStart: sync?.start ?? 0, entries: [] },
        sync,
        eventId: sync && sync.state === 'live' ? sync.eventId : '',
        notes: null,
      });
    }
    return out;
  }

  /** Cancels, moves and adds the calls' Outbox rows (core reconcile), in one write per column. */
  private reconcileOutbox(): void {
    const outbox = this.outbox;
    if (!outbox) return;
    const byCall = new Map<string, number[]>();
    outbox.rows.forEach((row, i) => {
      const id = callIdOfKey(text(cell(outbox, row, 'key')));
      if (!id) return;
      const list = byCall.get(id);
      if (list) list.push(i);
      else byCall.set(id, [i]);
    });
    const state = new Map<number, unknown>();
    const due = new Map<number, unknown>();
    const template = new Map<number, unknown>();
    const subject = new Map<number, unknown>();
    const adds: Array<Record<string, unknown>> = [];
    for (const plan of this.plans) {
      if (!plan.reminders) continue;
      const indexes = byCall.get(plan.callId) ?? [];
      const views = indexes.map((i) => {
        const row = outbox.rows[i];
        return {
          key: cell(outbox, row, 'key'),
          due: cell(outbox, row, 'due'),
          state: cell(outbox, row, 'state'),
          template: cell(outbox, row, 'template'),
          recipient: cell(outbox, row, 'recipient'),
        };
      });
      const status: CallStatus = plan.removed ? 'cancelled' : plan.status;
      const r = reconcile(views, plan.reminders, status, this.now);
      for (const k of r.cancel) state.set(indexes[k], outboxLabel('cancelled', this.locale));
      for (const u of r.update) {
        const i = indexes[u.index];
        due.set(i, new Date(u.due));
        template.set(i, u.template);
        const key = text(cell(outbox, outbox.rows[i], 'key'));
        const mail = this.mailOf(plan, key, text(cell(outbox, outbox.rows[i], 'recipient')));
        if (mail) subject.set(i, mail.subject);
      }
      for (const e of r.add) {
        const mail = this.mailOf(plan, e.key, e.recipient);
        if (e.routedFrom) this.note(plan.callId, callText(this.locale, 'routedToDeputy', { from: e.routedFrom, to: e.recipient }), e.key);
        adds.push({
          key: e.key,
          due: new Date(e.due),
          recipient: e.recipient,
          template: e.template,
          subject: mail ? mail.subject : '',
          state: outboxLabel('pending', this.locale),
          attempts: 0,
          lastError: '',
          sentAt: '',
        });
      }
    }
    writeColumn(outbox, 'state', state);
    writeColumn(outbox, 'due', due);
    writeColumn(outbox, 'template', template);
    writeColumn(outbox, 'subject', subject);
    appendRows(outbox, adds);
  }

  /** The e-mail an Outbox row of this call stands for, rendered from the row as it is now. */
  private mailOf(plan: Plan, key: string, recipient: string): CallMail | null {
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

  /** Writes the events that differ from what the calendar holds, until a limit or the deadline stops it. */
  calendarWork(): void {
    // Under Calendar's limits and the run's deadline, new invitations come first, then changes
    // to guests' events (a Meet link arriving, a move), then the staff's twins.
    const fresh = (p: Plan) => !!p.desired && !(p.sync && p.sync.state === 'live');
    const order = [...this.plans.filter(fresh), ...this.plans.filter((p) => !fresh(p))];
    for (const plan of order) {
      if (plan.booked) continue;
      if (plan.status === 'cancelled' || plan.removed) this.cancelEvent(plan);
      else if (plan.desired) this.writeEvent(plan, plan.desired);
      else if (plan.sync && plan.sync.state === 'live') plan.eventId = plan.sync.eventId;
      if (plan.index >= 0) this.set('eventId', plan.index, plan.eventId);
    }
    for (const plan of this.plans) {
      if (plan.booked) continue;
      if (plan.status === 'cancelled' || plan.removed) this.cancelNotes(plan);
      else if (plan.desired && plan.notes) this.writeNotes(plan, plan.notes);
    }
    if (this.deferred > 0) this.log('', say(this.locale, 'logDeadline'), `${say(this.locale, 'calendarLeft')}: ${this.deferred}`);
  }

  private stopCalendar(reason: string, logKey: 'logCalendarLimit' | 'logCalendarUnavailable', callId: string): void {
    if (this.calendarStop === null) this.log(callId, say(this.locale, logKey), reason);
    this.calendarStop = reason;
  }

  /** Whether calendar work may start now; otherwise the row says it waits (after a limit). */
  private mayCallCalendar(plan: Plan, notes = false): boolean {
    if (this.calendarStop !== null) {
      plan.extra.push(say(this.locale, notes ? 'notesWaiting' : 'calendarWaiting', { reason: this.calendarStop }));
      return false;
    }
    if (this.timeLeft()) return true;
    this.deferred++;
    return false;
  }

  private onCalendarFailure(plan: Plan, f: CalendarFailure, parts: EventParts | null, notes = false): void {
    const waiting = notes ? 'notesWaiting' : 'calendarWaiting';
    if (f.kind === 'rateLimit') {
      this.stopCalendar(f.message, 'logCalendarLimit', plan.callId);
      plan.extra.push(say(this.locale, waiting, { reason: f.message }));
    } else if (f.kind === 'calendar') {
      this.stopCalendar(f.message, 'logCalendarUnavailable', plan.callId);
      plan.extra.push(say(this.locale, 'calendarMissing', { id: this.calendarId, error: f.message }));
    } else if (f.kind === 'transient') {
      this.stopCalendar(f.message, 'logCalendarUnavailable', plan.callId);
      plan.extra.push(say(this.locale, waiting, { reason: f.message }));
    } else {
      // Refused for this event: not retried until the row changes.
      const sync = plan.sync ?? emptySync(plan.callId, this.calendarId);
      if (parts) this.sync.put({ ...sync, failed: fullPrint(parts), error: f.message });
      plan.extra.push(say(this.locale, 'calendarRefused', { error: f.message }));
      this.log(plan.callId, say(this.locale, 'logCalendarRefused'), f.message);
    }
  }

  private cancelEvent(plan: Plan): void {
    const sync = plan.sync;
    const gone = sync && (sync.state === 'deleted' || sync.state === 'removed');
    const id = sync && sync.state === 'live' ? sync.eventId : gone ? '' : plan.eventId;
    if (!id) {
      plan.eventId = '';
      return;
    }
    if (!this.mayCallCalendar(plan)) return;
    const calendarId = sync?.calendarId || this.calendarId;
    const start = sync?.start ?? null;
    try {
      deleteEvent(calendarId, id, start !== null && start > this.now ? 'all' : 'none');
    } catch (e) {
      rethrowIfKilled(e);
      if (e instanceof CalendarFailure) this.onCalendarFailure(plan, e, null);
      else throw e;
      return;
    }
    this.sync.put({ ...(sync ?? emptySync(plan.callId, calendarId)), calendarId, eventId: id, state: 'deleted', failed: '', error: '' });
    plan.eventId = '';
    this.note(plan.callId, say(this.locale, plan.index < 0 ? 'logRowGone' : 'logEventDeleted'), id);
  }

  /** The staff-only twin goes with the call (a cancelled call keeps no notes event). */
  private cancelNotes(plan: Plan): void {
    const sync = this.sync.get(plan.callId);
    if (!sync || !sync.notesId || sync.notesPrint === NOTES_DELETED) return;
    if (!this.mayCallCalendar(plan, true)) return;
    try {
      deleteEvent(sync.calendarId || this.calendarId, sync.notesId, 'none');
    } catch (e) {
      rethrowIfKilled(e);
      if (e instanceof CalendarFailure) this.onCalendarFailure(plan, e, null, true);
      else throw e;
      return;
    }
    this.sync.put({ ...sync, notesPrint: NOTES_DELETED });
  }

  private writeEvent(plan: Plan, desired: DesiredEvent): void {
    const parts = partsOf(desired);
    let sync = plan.sync;
    if (sync && sync.calendarId && sync.calendarId !== this.calendarId) {
      // The company calendar changed in Settings: the event and its twin move to the new one.
      if (sync.state === 'live') {
        if (!this.mayCallCalendar(plan)) return;
        try {
          deleteEvent(sync.calendarId, sync.eventId, 'none');
          if (sync.notesId && sync.notesPrint !== NOTES_DELETED) deleteEvent(sync.calendarId, sync.notesId, 'none');
        } catch (e) {
          rethrowIfKilled(e);
          if (e instanceof CalendarFailure) this.onCalendarFailure(plan, e, null);
          else throw e;
          return;
        }
      }
      sync = undefined;
      plan.eventId = '';
    }
    // A Done call whose event a person deleted in Calendar is not brought back (nor its guests invited again).
    if (sync && sync.state === 'removed' && plan.status === 'done') {
      plan.eventId = '';
      return;
    }
    const live = sync?.state === 'live';
    if (live && sync && sync.time === ADOPT && sync.start === desired.start && sync.end === desired.end) {
      // Moved in Calendar and the row now says the same: the event holds this time already.
      sync = { ...sync, time: parts.time };
      this.sync.put(sync);
      plan.sync = sync;
    }
    if (live && sync && PARTS.every((p) => sync![p] === parts[p])) {
      plan.eventId = sync.eventId;
      return;
    }
    if (sync && sync.failed && sync.failed === fullPrint(parts)) {
      plan.extra.push(say(this.locale, 'calendarRefused', { error: sync.error }));
      return;
    }
    if (!this.mayCallCalendar(plan)) return;
    const changed = PARTS.filter((p) => !live || !sync || sync[p] !== parts[p]);
    const invites = !live || changed.includes('time') || changed.includes('guests');
    const sendUpdates = invites && desired.end > this.now ? 'all' : 'none';
    const knownId = (sync && sync.eventId) || text(plan.rec.eventId);
    const exact = live && !!sync && sync.eventId === knownId;
    const ownId = eventIdFor(this.ssId(), plan.callId);
    const meeting = conferencePlan(sync, desired, live, ownId);
    let result;
    try {
      result = saveEvent(this.calendarId, desired, ownId, knownId, exact, changed, sendUpdates, meeting.change);
    } catch (e) {
      rethrowIfKilled(e);
      if (e instanceof CalendarFailure) this.onCalendarFailure(plan, e, parts);
      else throw e;
      return;
    }
    const before = sync ?? emptySync(plan.callId, this.calendarId);
    const conf = result.conference;
    this.sync.put({
      ...before,
      callId: plan.callId,
      calendarId: this.calendarId,
      eventId: result.eventId,
      state: 'live',
      start: desired.start,
      end: desired.end,
      ...parts,
      failed: '',
      error: '',
      meet: meeting.change.remove ? '' : conf.link || before.meet,
      conference: meeting.change.remove
        ? ''
        : conf.status === 'success'
          ? `meet:${meeting.n}`
          : conf.status === 'pending'
            ? `pending:${meeting.n}`
            : conf.status === 'failure'
              ? `failed:${meeting.n}`
              : before.conference,
      notesId: sync ? before.notesId : '',
      notesPrint: sync ? before.notesPrint : '',
    });
    plan.eventId = result.eventId;
    this.note(plan.callId, say(this.locale, result.created ? 'logEventCreated' : 'logEventUpdated'), result.eventId);
  }

  /** The staff-only twin, written after the guests' event (never e-mailed to anyone). */
  private writeNotes(plan: Plan, notes: DesiredNotes): void {
    const sync = this.sync.get(plan.callId);
    if (!sync || sync.state !== 'live' || sync.calendarId !== this.calendarId) return;
    const print = notesPrintOf(notes);
    if (sync.notesId && sync.notesPrint === print) return;
    if (!this.mayCallCalendar(plan, true)) return;
    let id: string;
    try {
      id = saveNotes(this.calendarId, notes, eventIdFor(this.ssId(), `${plan.callId}#notes`), sync.notesId);
    } catch (e) {
      rethrowIfKilled(e);
      if (e instanceof CalendarFailure) this.onCalendarFailure(plan, e, null, true);
      else throw e;
      return;
    }
    this.sync.put({ ...sync, notesId: id, notesPrint: print });
  }

  // ---- the calendar read back ----

  /**
   * What people changed in Calendar since the last tick (calls-readback.ts): moves and
   * deletions carried into the Calls rows, guests' answers and Meet links into the sync record.
   */
  readCalendar(): void {
    if (!this.timeLeft()) return;
    // Nothing of ours on the company calendar: nothing to read back (no call is made).
    const ours = this.sync.ids().some((id) => {
      const r = this.sync.get(id);
      return !!r && r.state === 'live' && r.calendarId === this.calendarId;
    });
    if (!ours) return;
    let result: ReadBack;
    try {
      result = readBack(this.calendarId, this.now, PropertiesService.getScriptProperties());
    } catch (e) {
      rethrowIfKilled(e);
      if (!(e instanceof CalendarFailure)) throw e;
      // Once a day, not every five minutes (the rows say what waits).
      const props = PropertiesService.getScriptProperties();
      const d = localDateOf(this.ctx.zone, this.now);
      const today = `${d.year}-${d.month}-${d.day}`;
      if (props.getProperty(READ_BACK_LOGGED) !== today) {
        props.setProperty(READ_BACK_LOGGED, today);
        this.log('', say(this.locale, 'logReadBackFailed'), e.message);
      }
      return;
    }
    this.readBackResult = result;
    const rows = new Map<string, number>();
    this.calls.rows.forEach((r, i) => {
      const id = text(cell(this.calls, r, 'callId'));
      if (id && !rows.has(id)) rows.set(id, i);
    });
    const seen = new Set<string>();
    for (const o of result.calls) {
      seen.add(o.callId);
      this.observed(o, rows.get(o.callId));
    }
    for (const n of result.notes) {
      const sync = this.sync.get(n.callId);
      // A twin a person deleted is written again (the comment lives there).
      if (sync && sync.notesId === n.eventId && n.cancelled && sync.notesPrint !== NOTES_DELETED) this.sync.put({ ...sync, notesPrint: '' });
    }
    // A Meet still being made when its event was last seen: asked for once more.
    let asked = 0;
    for (const id of this.sync.ids()) {
      const sync = this.sync.get(id);
      if (!sync || seen.has(id) || sync.state !== 'live' || !sync.conference.startsWith('pending') || asked >= PENDING_READS) continue;
      asked++;
      try {
        const ev = readEvent(sync.calendarId, sync.eventId);
        if (ev)
          this.observed(
            {
              callId: id,
              eventId: sync.eventId,
              cancelled: ev.status === 'cancelled',
              start: null,
              end: null,
              answers: {},
              conference: conferenceOf(ev),
            },
            undefined,
          );
      } catch (e) {
        rethrowIfKilled(e);
        if (!(e instanceof CalendarFailure)) throw e;
        break;
      }
    }
  }

  private observed(o: ObservedCall, index: number | undefined): void {
    const sync = this.sync.get(o.callId);
    if (!sync || sync.eventId !== o.eventId || sync.calendarId !== this.calendarId) return;
    const next: SyncRecord = { ...sync };
    const n = sync.conference.split(':')[1] ?? '1';
    if (o.conference.status === 'success' && o.conference.link) {
      next.meet = o.conference.link;
      next.conference = `meet:${n}`;
    } else if (o.conference.status === 'failure') next.conference = `failed:${n}`;
    if (Object.keys(o.answers).length) next.answers = JSON.stringify(o.answers);
    const rec = index === undefined ? null : recordOf(this.calls, this.calls.rows[index]);
    const status = rec ? (findChoice(CALL_STATUSES, text(rec.status))?.key ?? (text(rec.status) ? '' : 'scheduled')) : '';
    if (o.cancelled && sync.state === 'live') {
      next.state = 'removed';
      if (index !== undefined && status === 'scheduled') {
        this.setPerson(index, 'status', choiceLabel(CALL_STATUSES[2], this.locale));
        this.log(o.callId, say(this.locale, 'logChangedInCalendar'), say(this.locale, 'calendarCancelled'));
      }
    } else if (
      !o.cancelled &&
      sync.state === 'live' &&
      o.start !== null &&
      o.end !== null &&
      (o.start !== sync.start || (sync.end !== null && o.end !== sync.end))
    ) {
      const rowStart = rec && isDate(rec.start) ? rec.start.getTime() : null;
      if (index !== undefined && rec && status === 'scheduled' && rowStart === sync.start) this.moveRow(o, index, rec);
      else if (rec) this.log(o.callId, say(this.locale, 'logCalendarConflict'), this.when(o.start));
      next.start = o.start;
      next.end = o.end;
      next.time = ADOPT;
    }
    this.sync.put(next);
  }

  /** The row follows a move made in Calendar: Start, and Duration when its length changed. */
  private moveRow(o: ObservedCall, index: number, rec: Record<string, unknown>): void {
    const start = o.start as number;
    const minutes = Math.round(((o.end as number) - start) / 60000);
    const before = isDate(rec.start) ? rec.start.getTime() : null;
    const typed = typeof rec.duration === 'number' ? rec.duration : DEFAULT_DURATION_MINUTES;
    const details = [`${this.when(before)} → ${this.when(start)}`];
    this.setPerson(index, 'start', new Date(start));
    if (minutes !== typed) {
      this.setPerson(index, 'duration', minutes);
      details.push(say(this.locale, 'durationChange', { from: typed, to: minutes }));
    }
    this.log(o.callId, say(this.locale, 'logChangedInCalendar'), details.join('; '));
  }

  private when(ms: number | null): string {
    if (ms === null) return '';
    const w = wallClockOf(this.ctx.zone, ms);
    const p = (x: number) => String(x).padStart(2, '0');
    const date = this.locale === 'ru' ? `${p(w.day)}.${p(w.month)}.${w.year}` : `${w.year}-${p(w.month)}-${p(w.day)}`;
    return `${date} ${p(w.hour)}:${p(w.minute)}`;
  }

  /** A person-owned cell a Calendar change sets: in memory now (the plan reads it), written row by row at the end. */
  private setPerson(index: number, key: string, value: unknown): void {
    const col = this.calls.columns.index[key];
    if (col === undefined) return;
    this.calls.rows[index][col] = value;
    const cells = this.personCells.get(index) ?? {};
    cells[key] = value;
    this.personCells.set(index, cells);
  }

  // ---- after the call ----

  /** Valid comments of Done calls go to the manager once; hires set the candidate's status. */
  commentsAndHires(hires: boolean): void {
    for (const plan of this.plans) {
      if (plan.index < 0 || plan.removed) continue;
      if (plan.status === 'done' && plan.commentOk && plan.call) this.sendComment(plan, plan.call);
      if (hires && plan.hire) {
        const i = this.candidateRows.get(normId(plan.hire.candidateId));
        const tab = this.ctx.tab('candidates');
        if (i !== undefined && tab) {
          const label = say(this.locale, 'candidateStatusHired');
          const current = text(cell(tab, tab.rows[i], 'status'));
          if (current !== label && !/^hired$|^нанят$/i.test(current)) {
            this.candidateStatus.set(i, label);
            this.log(plan.callId, say(this.locale, 'logHired'), plan.hire.candidateId);
          }
        }
      }
    }
  }

  private index(): Map<string, OutboxRow> {
    if (!this.outboxIndex && this.outbox) this.outboxIndex = indexOutbox(this.outbox);
    return this.outboxIndex ?? new Map();
  }

  private sendComment(plan: Plan, call: PlannedCall): void {
    const outbox = this.outbox;
    if (!outbox) return;
    const comment = text(plan.rec.comment);
    const key = `comment:${plan.callId}:${hash(comment.replace(/\r\n?/g, '\n'))}`;
    const existing = this.index().get(key);
    if (existing && existing.state === 'sent') {
      if (!isDate(plan.rec.commentSentAt)) {
        const sentAt = cell(outbox, outbox.rows[existing.index], 'sentAt');
        this.set('commentSentAt', plan.index, isDate(sentAt) ? sentAt : new Date());
      }
      return;
    }
    if (existing && existing.state !== 'pending') {
      plan.extra.push(
        say(this.locale, 'commentFailed', { error: text(cell(outbox, outbox.rows[existing.index], 'lastError')) || existing.state || '' }),
      );
      return;
    }
    if (this.mailStop) {
      plan.extra.push(say(this.locale, 'commentWaiting', { error: QUOTA_MESSAGE }));
      return;
    }
    if (!this.timeLeft()) return;
    const mail = commentMail(this.mc, call, comment);
    const to = this.resolver(call.managerEmail, Date.now());
    const attemptsBefore = existing ? existing.attempts : 0;
    const result = sendOnce(
      outbox,
      {
        key,
        to: [to],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        template: mail.template,
        senderName: this.ctx.settings.senderName,
      },
      this.locale,
      new Date(),
      this.index(),
    );
    if (result.outcome === 'sent' || result.outcome === 'already-sent') {
      this.set('commentSentAt', plan.index, new Date());
      this.log(plan.callId, say(this.locale, 'logCommentSent'), to === call.managerEmail ? to : `${to} (${call.managerEmail})`);
      return;
    }
    if (result.outcome === 'quota') this.quotaHit(plan.callId);
    else this.afterMailError(this.index().get(key), attemptsBefore, result.error ?? '', plan.callId);
    plan.extra.push(say(this.locale, 'commentWaiting', { error: result.error ?? result.outcome }));
  }

  private quotaHit(rowKey: string): void {
    this.mailStop = true;
    const props = PropertiesService.getScriptProperties();
    const d = localDateOf(this.ctx.zone, Date.now());
    const today = `${d.year}-${d.month}-${d.day}`;
    if (props.getProperty(QUOTA_LOGGED) === today) return;
    props.setProperty(QUOTA_LOGGED, today);
    this.log(rowKey, say(this.locale, 'logQuota'), QUOTA_MESSAGE);
  }

  /**
   * deliver() marked the row Failed; a transient error keeps it Pending for the next tick
   * until its attempts run out (core afterSendError). Returns whether sending should pause.
   */
  private afterMailError(row: OutboxRow | undefined, attemptsBefore: number, error: string, rowKey: string): boolean {
    if (!row || !this.outbox) return false;
    if (PERMANENT_MAIL_ERROR.test(error)) return false;
    const next = afterSendError(attemptsBefore);
    if (next.state === 'pending') {
      writeState(this.outbox, row.index, this.locale, 'pending', { attempts: next.attempts, lastError: error });
      row.state = 'pending';
      row.attempts = next.attempts;
    }
    this.log(rowKey, say(this.locale, 'logMailError'), error);
    return true;
  }

  /**
   * A decline by the client, or by every candidate, of a call still ahead: the manager is
   * told once (one Outbox key per call, start and who), then it is theirs to act on.
   */
  declineAlerts(): void {
    const outbox = this.outbox;
    if (!outbox) return;
    for (const plan of this.plans) {
      const call = plan.call;
      if (plan.index < 0 || plan.status !== 'scheduled' || !call || !plan.sync || call.start <= this.now || !call.managerEmail) continue;
      const answers = parseAnswers(plan.sync.answers);
      const d = declinesOf(call, answers);
      const names = guestNames(call);
      const groups: Array<[string, string[]]> = [];
      if (d.client) groups.push(['client', [names.get(call.clientEmail) ?? call.clientEmail]]);
      if (d.candidates) groups.push(['candidates', call.candidates.map((c) => c.name || c.email)]);
      for (const [who, people] of groups) {
        const key = `declined:${plan.callId}:${call.start}:${who}`;
        const existing = this.index().get(key);
        if (existing && existing.state !== 'pending') continue;
        if (this.mailStop || !this.timeLeft()) return;
        const mail = declinedMail(this.mc, call, people, answersText(call, answers, call.language));
        const to = this.resolver(call.managerEmail, Date.now());
        const attemptsBefore = existing ? existing.attempts : 0;
        const result = sendOnce(
          outbox,
          {
            key,
            to: [to],
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            template: mail.template,
            senderName: this.ctx.settings.senderName,
          },
          this.locale,
          new Date(),
          this.index(),
        );
        if (result.outcome === 'sent') this.log(plan.callId, say(this.locale, 'logDeclineAlert'), `${people.join(', ')} → ${to}`);
        else if (result.outcome === 'quota') this.quotaHit(plan.callId);
        else if (result.outcome !== 'already-sent') this.afterMailError(this.index().get(key), attemptsBefore, result.error ?? '', plan.callId);
      }
    }
  }

  // ---- the tick's sending ----

  /** Sends the reminders and follow-ups that are due, oldest first; marks those whose call started as Missed. */
  sendDue(): void {
    const outbox = this.outbox;
    if (!outbox) return;
    settleInterrupted(outbox, this.locale);
    const byId = new Map(this.plans.map((p) => [p.callId, p]));
    const missed = new Map<number, unknown>();
    const due: Array<{ i: number; due: number; retry: boolean; plan: Plan; key: string }> = [];
    const now = Date.now();
    outbox.rows.forEach((row, i) => {
      const key = text(cell(outbox, row, 'key'));
      const plan = byId.get(callIdOfKey(key));
      if (!plan) return;
      const reminder = isReminderKey(key);
      if (!reminder && !/\|followUp$/.test(key)) return;
      const callStart = reminder ? (plan.call?.start ?? plan.sync?.start ?? null) : null;
      const decision = dueDecision({ state: cell(outbox, row, 'state'), due: cell(outbox, row, 'due') }, now, callStart, TICK_MINUTES);
      if (decision === 'missed') missed.set(i, outboxLabel('missed', this.locale));
      else if (decision === 'send')
        due.push({ i, due: (cell(outbox, row, 'due') as Date).getTime(), retry: Number(cell(outbox, row, 'attempts')) > 0, plan, key });
    });
    writeColumn(outbox, 'state', missed);
    // Oldest first; retries after the fresh ones, so a message that keeps failing does not hold the others up.
    due.sort((a, b) => Number(a.retry) - Number(b.retry) || a.due - b.due || a.i - b.i);
    let sent = 0;
    for (let n = 0; n < due.length; n++) {
      const item = due[n];
      if (this.mailStop) break;
      if (!this.timeLeft()) {
        this.log('', say(this.locale, 'logDeadline'), `${say(this.locale, 'remindersLeft')}: ${due.length - n}`);
        break;
      }
      const { plan, key, i } = item;
      // Only a call as it reads now is reminded of: a row with errors, or one no longer
      // Scheduled (Done) for a reminder, waits (reconcile settles it).
      const call = plan.call;
      if (!call) continue;
      if (isReminderKey(key) ? plan.status !== 'scheduled' : plan.status !== 'done' || !plan.commentOk) continue;
      const recipient = text(cell(outbox, outbox.rows[i], 'recipient'));
      const mail = this.mailOf(plan, key, recipient);
      if (!mail) continue;
      const attempts = Number(cell(outbox, outbox.rows[i], 'attempts')) || 0;
      const row: OutboxRow = {
        index: i,
        key,
        state: outboxState(cell(outbox, outbox.rows[i], 'state')),
        attempts,
        due: cell(outbox, outbox.rows[i], 'due'),
      };
      const result = deliver(
        outbox,
        row,
        {
          key,
          to: [recipient],
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          template: mail.template,
          senderName: this.ctx.settings.senderName,
        },
        this.locale,
        new Date(),
      );
      if (result.outcome === 'sent') sent++;
      else if (result.outcome === 'quota') this.quotaHit(plan.callId);
      else if (this.afterMailError(row, attempts, result.error ?? '', plan.callId)) break;
    }
    if (sent > 0) this.log('', say(this.locale, 'logRemindersSent'), String(sent));
  }

  // ---- writing back ----

  /** Problems of every planned row, then the system columns, candidate statuses and the sync sheet in batches; returns the cells changed. */
  finish(): number {
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
    const candidates = this.ctx.tab('candidates');
    if (candidates) for (const [i, status] of this.candidateStatus) writeRowCells(candidates, i, { status });
    this.sync.flush();
    if (this.readBackResult) keepToken(this.calendarId, this.readBackResult.token, PropertiesService.getScriptProperties());
    this.flushNotes();
    return [...this.changes.values()].reduce((n, col) => n + col.size, 0) + this.candidateStatus.size;
  }
}

/** The twin was deleted with its call (written again, restored, if the call comes back). */
const NOTES_DELETED = 'deleted';
/** Pending Meet requests asked for again per tick, at most. */
const PENDING_READS = 10;

/**
 * What this write asks of the event's conference: a typed link removes a Meet; without one,
 * an event that has no Meet yet (a new one, or its request failed) asks for one (request n).
 */
function conferencePlan(
  sync: SyncRecord | undefined,
  desired: DesiredEvent,
  live: boolean,
  ownId: string,
): { change: ConferenceChange; n: number } {
  const [state, num] = (sync?.conference ?? '').split(':');
  const n = Number(num) || 0;
  if (desired.meetingLink) return { change: sync && (sync.meet || state === 'pending' || state === 'meet') ? { remove: true } : {}, n };
  if (live && (sync?.meet || state === 'pending' || state === 'meet')) return { change: {}, n: n || 1 };
  return { change: { create: `${ownId}-meet${n + 1}` }, n: n + 1 };
}

function fullPrint(parts: EventParts): string {
  return `${parts.time}.${parts.guests}.${parts.content}`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}|${p.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeText(lines: string[]): string[] {
  return [...new Set(lines)];
}

/** Templates tab edits: a row with unknown placeholders gets a note on its Body saying which (the e-mail keeps them visible). */
function checkTemplateEdit(ctx: RunContext, edit: TabEdit): void {
  const tab = ctx.tab('templates');
  if (!tab) return;
  const bodyCol = tab.columns.index['body'];
  for (const i of edit.rows) {
    const row = tab.rows[i];
    if (!row) continue;
    const [parsed] = readTemplateRows([recordOf(tab, row)]);
    const problems = parsed ? checkTemplateRow(parsed) : [];
    const note = problemsText(problems, ctx.locale);
    if (bodyCol !== undefined) tab.sheet.getRange(sheetRow(i), bodyCol + 1).setNote(note);
    if (note) {
      ctx.ss.toast(note, say(ctx.locale, 'logTemplateProblem'));
      ctx.log({
        tab: tab.sheet.getName(),
        rowKey: parsed?.key ?? `#${sheetRow(i)}`,
        action: say(ctx.locale, 'logTemplateProblem'),
        details: note,
      });
    }
  }
}

/**
 * Setup: the calls templates missing from the Templates tab, both languages; a row still
 * holding an earlier built-in text exactly gets the current one; edited rows are never touched.
 */
function addDefaultTemplates(ctx: RunContext): void {
  const tab = ctx.tab('templates');
  if (!tab) return;
  const records = recordsOf(tab);
  records.forEach((rec, i) => {
    const [row] = readTemplateRows([rec]);
    const next = row ? supersededBy(row) : null;
    if (!next) return;
    writeRowCells(tab, i, { subject: next.subject, body: next.body });
    ctx.log({
      tab: tab.sheet.getName(),
      rowKey: row.key,
      action: say(ctx.locale, 'logTemplateUpdated'),
      details: choiceLabel(LANGUAGES.find((l) => l.key === row.language) ?? LANGUAGES[0], ctx.locale),
    });
  });
  const have = new Set(readTemplateRows(records).map((r) => `${r.key}|${r.language}`));
  const rows: Array<Record<string, unknown>> = [];
  for (const key of [...CALL_TEMPLATE_KEYS, ...SEED_001_TEMPLATE_KEYS]) {
    for (const language of LANGUAGES) {
      const lang = pickLanguage(language.en);
      if (have.has(`${key}|${lang}`)) continue;
      const t = DEFAULT_TEMPLATES[key][lang];
      rows.push({ key, language: choiceLabel(language, ctx.locale), subject: t.subject, body: t.body });
    }
  }
  appendRows(tab, rows);
  if (rows.length) ctx.log({ tab: tab.sheet.getName(), rowKey: '', action: say(ctx.locale, 'logTemplatesAdded'), details: String(rows.length) });
}
