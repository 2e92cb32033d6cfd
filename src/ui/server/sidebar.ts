/**
 * The sidebar: for the active Orders, HR agreements or Calls row, its status, a checklist of
 * what is missing, the waiting edits, reminders, events and Log lines, and the actions this
 * person may take. It reads and acts only through google.script.run (uiSidebarState,
 * uiHandOff, uiAskHr, uiAnswerHr, uiMarkCallDone, menuCallComment, menuScheduleCall) and
 * follows the person's selection by polling uiSelection. The page itself is
 * src/ui/client/sidebar.{html,js}.
 */
import { Locale } from '../../core/schema';
import { ui, uiWords, UiKey } from './messages';
import { page } from './page';
import SIDEBAR_HTML from '../client/sidebar.html';
import SIDEBAR_JS from '../client/sidebar.js';

const WORDS: UiKey[] = [
  'labelStatus',
  'labelChecklist',
  'labelProblems',
  'labelReminders',
  'labelEvents',
  'labelLog',
  'labelActions',
  'labelNone',
  'labelUser',
  'labelRefresh',
  'labelRow',
  'labelPending',
  'labelSend',
  'labelCancel',
  'fieldRequired',
  'notEmail',
  'notNumber',
];

export function sidebarPage(locale: Locale, ref: unknown, pollMs = 4000): string {
  return page({
    locale,
    title: ui(locale, 'sidebarTitle'),
    body: SIDEBAR_HTML,
    script: SIDEBAR_JS,
    data: { ref: ref ?? null, pollMs },
    words: uiWords(locale, WORDS),
  });
}
