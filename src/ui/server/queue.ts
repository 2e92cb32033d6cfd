/**
 * The edits UI actions of non-owners leave for the owner's tick (script properties, oldest
 * first), and the feature that applies them with the owner's rights, through dispatch, first
 * in every tick. The Workspace add-on's signed queue ends here too (addon/queue.ts).
 */
import { TabKey, tabDef } from '../../core/schema';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { applyEditHeld } from '../../app/dispatch';
import { Feature } from '../../app/feature';
import { readColumn, readTabBlock, sheetRow } from '../../google/workbook';
import { ui } from './messages';
import { recheckTab } from './recheck';
import { ID_KEY, UiTab } from './rows';

const QUEUE = 'reglament.ui.queue.';

export interface QueuedEdit {
  kind: 'edit' | 'check';
  tab: TabKey;
  row: number;
  col: number;
  numCols: number;
  /** The row's ID when it had one (the row is found by it, in case rows moved). */
  id: string;
  user: string;
  value?: string;
  oldValue?: string;
  at: string;
  /** What the person asked for, for the Log and the sidebar. */
  label: string;
}

export function enqueue(entry: QueuedEdit): void {
  const key = `${QUEUE}${String(Date.now()).padStart(15, '0')}.${Math.random().toString(36).slice(2, 8)}`;
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(entry));
}

export function queuedEdits(all?: Record<string, string>): Array<{ key: string; entry: QueuedEdit }> {
  const props = all ?? PropertiesService.getScriptProperties().getProperties();
  return Object.keys(props)
    .filter((k) => k.indexOf(QUEUE) === 0)
    .sort()
    .map((key) => {
      try {
        return { key, entry: JSON.parse(props[key]) as QueuedEdit };
      } catch (e) {
        return null;
      }
    })
    .filter((x): x is { key: string; entry: QueuedEdit } => x !== null);
}

/** Applies queued UI edits with the owner's rights (runs first in every tick). */
export const uiQueueFeature: Feature = {
  name: 'ui',
  tabs: [],
  tick(ctx, deadline) {
    const queue = queuedEdits();
    if (queue.length === 0) return;
    const props = PropertiesService.getScriptProperties();
    for (const { key, entry } of queue) {
      if (Date.now() > deadline) break;
      try {
        applyQueued(ctx, entry);
      } catch (e) {
        ctx.log({
          tab: tabDef(entry.tab)[ctx.locale],
          rowKey: entry.id || `#${entry.row}`,
          action: entry.label,
          details: String((e as Error).message || e),
          user: entry.user,
        });
      }
      props.deleteProperty(key);
    }
  },
};

export function applyQueued(ctx: RunContext, entry: QueuedEdit): void {
  if (entry.kind === 'check') {
    recheckTab(ctx, entry.tab);
    return;
  }
  // The row is found by its ID (rows may have moved since); only the ID column is read.
  const shell = readTabBlock(ctx.sheets.get(entry.tab), entry.tab, 0, -1);
  if (!shell) return;
  const idKey = ID_KEY[entry.tab as UiTab];
  const index = entry.id && idKey ? readColumn(shell, idKey).findIndex((v) => cellText(v).trim() === entry.id) : entry.row - 2;
  if (index < 0) {
    ctx.log({
      tab: shell.sheet.getName(),
      rowKey: entry.id,
      action: entry.label,
      details: ui(ctx.locale, 'rowGone', { id: entry.id }),
      user: entry.user,
    });
    return;
  }
  const range = shell.sheet.getRange(sheetRow(index), entry.col, 1, entry.numCols);
  // Who asked, in the Log: the rules' own lines are written under the owner's run.
  ctx.log({
    tab: shell.sheet.getName(),
    rowKey: entry.id || `#${sheetRow(index)}`,
    action: entry.label,
    details: ui(ctx.locale, 'appliedFor', { user: entry.user, at: entry.at }),
    user: entry.user,
  });
  applyEditHeld(ctx, range, entry.user, entry.value, entry.oldValue);
}
