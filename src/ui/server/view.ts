/**
 * The sidebar's state as the page receives it — every value a plain string, number or
 * boolean (google.script.run passes no Dates) — and the helpers each tab's part of it is
 * built with (orderState.ts, callState.ts, history.ts; state.ts puts them together).
 */
import { departmentName, departmentOf } from '../../core/permissions';
import { Locale, TabKey, tabDef } from '../../core/schema';
import { isDate, localDateOf, wallClockOf } from '../../core/time';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { ui } from './messages';
import { RowRef } from './rows';

export interface CheckItem {
  label: string;
  ok: boolean;
  detail: string;
}

export interface Line {
  when: string;
  text: string;
  note: string;
  state: string;
}

export interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'longtext' | 'integer' | 'email' | 'date' | 'list';
  required: boolean;
  choices?: string[];
  value: string;
}

export interface ActionSpec {
  id: 'handOff' | 'askHr' | 'answerHr' | 'markDone' | 'comment' | 'schedule' | 'agreedEdit' | 'agreedCancel';
  label: string;
  allowed: boolean;
  reason: string;
  fields?: FieldSpec[];
}

export interface SidebarState {
  locale: Locale;
  user: string;
  department: string;
  hint: string;
  ref: RowRef | null;
  tabLabel: string;
  title: string;
  status: string;
  statusTone: 'ok' | 'warn' | 'bad' | 'neutral';
  checklist: CheckItem[];
  problems: string[];
  pending: string[];
  reminders: Line[];
  events: Line[];
  log: Line[];
  actions: ActionSpec[];
}

export function fmtWhen(ctx: RunContext, v: unknown): string {
  if (!isDate(v)) return cellText(v);
  const w = wallClockOf(ctx.zone, v.getTime());
  const p = (n: number) => String(n).padStart(2, '0');
  const date = ctx.locale === 'en' ? `${w.year}-${p(w.month)}-${p(w.day)}` : `${p(w.day)}.${p(w.month)}.${w.year}`;
  return w.hour === 0 && w.minute === 0 ? date : `${date} ${p(w.hour)}:${p(w.minute)}`;
}

/** Problems that only say the item is missing: the checklist line says it already. */
export const BARE = new Set<string>(['required', 'paidServicesEmpty', 'callFieldRequired', 'callStartMissing', 'callTypeMissing']);

export const colLabel = (tab: TabKey, key: string, locale: Locale): string => {
  const c = tabDef(tab).columns.find((x) => x.key === key);
  return c ? c[locale] : key;
};

export function action(id: ActionSpec['id'], label: string, reasons: string[], blocked = ''): ActionSpec {
  const reason = reasons[0] || blocked;
  return { id, label, allowed: !reason, reason };
}

export function today(ctx: RunContext) {
  return localDateOf(ctx.zone, ctx.now.getTime());
}

export function emptyState(ctx: RunContext, user: string): SidebarState {
  const dept = departmentOf(ctx.staff(), user);
  return {
    locale: ctx.locale,
    user,
    department: dept ? departmentName(dept, ctx.locale) : '',
    hint: ui(ctx.locale, 'pickRow'),
    ref: null,
    tabLabel: '',
    title: '',
    status: '',
    statusTone: 'neutral',
    checklist: [],
    problems: [],
    pending: [],
    reminders: [],
    events: [],
    log: [],
    actions: [],
  };
}
