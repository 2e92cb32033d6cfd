/**
 * What `init` tells a new owner to do next, read from the workbook as setup left it: the
 * people (Staff empty), where hand-offs go (the Client-department e-mail), the sender name.
 */
import { findSetting, parseLocale, readSettings, senderNameMissing } from '../../src/core/settings';
import { findTab } from '../../src/core/schema';
import type { LocalWorkspace } from '../runtime/workspace';
import { Lang, langOf } from './report';

export interface NextStep {
  key: 'staff' | 'clientDepartmentEmail' | 'senderName';
  text: string;
}

function sheetOf(ws: LocalWorkspace, key: string): string | undefined {
  return ws.spreadsheet.sheetNames().find((n) => !n.startsWith('_') && findTab(n)?.key === key);
}

/** The workbook's language as the product reads it: the Settings "Locale" value, else the spreadsheet's locale. */
export function workbookLang(ws: LocalWorkspace): Lang {
  const tab = sheetOf(ws, 'settings');
  const rows = tab ? ws.spreadsheet.readValues(tab).slice(1) : [];
  const set = rows.find((r) => findSetting(String(r[0] ?? ''))?.key === 'locale' && String(r[1] ?? '').trim());
  return set ? (parseLocale(String(set[1])) as Lang) : langOf(ws.spreadsheet.locale());
}

export function nextSteps(ws: LocalWorkspace): NextStep[] {
  const en = workbookLang(ws) === 'en';
  const book = JSON.stringify(ws.workbook);
  const steps: NextStep[] = [];
  const staffTab = sheetOf(ws, 'staff');
  const settingsTab = sheetOf(ws, 'settings');
  const staffRows = staffTab ? ws.spreadsheet.readValues(staffTab).slice(1) : [];
  if (staffTab && !staffRows.some((r) => r.some((v) => String(v ?? '').trim() !== ''))) {
    steps.push({
      key: 'staff',
      text: en
        ? `Staff is empty: add each person with their department, e.g. reglament edit ${book} --sheet Staff --row new --set "Name=Anna" --set "E-mail=anna@example.com" --set "Department=Sales" --user ${ws.owner}`
        : `«${staffTab}» пусто: добавьте сотрудников с отделами, например reglament edit ${book} --sheet Staff --row new --set "Name=Анна" --set "E-mail=anna@example.com" --set "Department=Отдел продаж" --user ${ws.owner}`,
    });
  }
  const settings = settingsTab ? readSettings(ws.spreadsheet.readValues(settingsTab).slice(1)) : undefined;
  const label = (key: string) => (en ? findSetting(key)?.en : findSetting(key)?.ru) ?? key;
  if (settings && settings.clientDepartmentEmail.trim() === '') {
    const name = label('Client-department e-mail');
    steps.push({
      key: 'clientDepartmentEmail',
      text: en
        ? `"${name}" on ${settingsTab} is empty: hand-offs have nowhere to go until it is set`
        : `«${name}» на вкладке «${settingsTab}» не заполнен: передавать заказы некуда, пока его нет`,
    });
  }
  if (settings && senderNameMissing(settings.senderName)) {
    const name = label('Sender name');
    steps.push({
      key: 'senderName',
      text: en
        ? `"${name}" on ${settingsTab} is not set: e-mails go out unsigned (or run init again with --sender-name "Your company")`
        : `«${name}» на вкладке «${settingsTab}» не задано: письма уйдут без подписи (или повторите init с --sender-name "Ваша компания")`,
    });
  }
  return steps;
}
