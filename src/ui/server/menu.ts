/** The Reglament menu (onOpen / onInstall): every item works on the active row and says what it did. */
import { t } from '../../core/i18n';
import { workbookLocale } from '../../google/setup';
import { sheetsByTab } from '../../google/workbook';
import { ui } from './messages';

/** Item → the top-level function it runs (exported from src/ui/callbacks.ts through main.ts). */
export const MENU_FUNCTIONS = {
  setup: 'setupWorkbook',
  sidebar: 'menuOpenSidebar',
  schedule: 'menuScheduleCall',
  comment: 'menuCallComment',
  handOff: 'menuHandOff',
  check: 'menuCheckSheet',
  outbox: 'menuOutboxAndLog',
  settings: 'menuSettings',
} as const;

export function buildMenu(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const locale = workbookLocale(ss, sheetsByTab(ss).get('settings'));
  SpreadsheetApp.getUi()
    .createMenu(t(locale, 'menuTitle'))
    .addItem(t(locale, 'menuSetup'), MENU_FUNCTIONS.setup)
    .addSeparator()
    .addItem(ui(locale, 'menuSidebar'), MENU_FUNCTIONS.sidebar)
    .addItem(ui(locale, 'menuSchedule'), MENU_FUNCTIONS.schedule)
    .addItem(ui(locale, 'menuComment'), MENU_FUNCTIONS.comment)
    .addItem(ui(locale, 'menuHandOff'), MENU_FUNCTIONS.handOff)
    .addSeparator()
    .addItem(ui(locale, 'menuCheck'), MENU_FUNCTIONS.check)
    .addItem(ui(locale, 'menuOutbox'), MENU_FUNCTIONS.outbox)
    .addItem(ui(locale, 'menuSettings'), MENU_FUNCTIONS.settings)
    .addToUi();
}
