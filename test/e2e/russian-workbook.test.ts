/**
 * A Russian workbook reads Russian throughout (issue 17): Settings defaults in Russian forms,
 * the hidden calendar-sync tab named in Russian; a workbook set up before keeps working —
 * setup renames its old tab (rows kept) and shows the English defaults it wrote in Russian,
 * leaving what a person typed.
 */
import { openHarness, Harness } from './harness';
import { SETTINGS } from '../../src/core/settings';
import { parseOffsets } from '../../src/features/calls/rules/offsets';
import { parseSelectionWeekdays } from '../../src/core/weekdays';

const settingsOf = (h: Harness) =>
  new Map(
    h.ws.spreadsheet
      .readValues('Настройки')
      .slice(1)
      .map((r) => [String(r[0]), String(r[1])]),
  );

describe('a Russian workbook', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('setup writes the Settings defaults in Russian forms that read back as the English ones', async () => {
    h = await openHarness({ locale: 'ru' });
    const s = settingsOf(h);
    expect(s.get('Дни подбора')).toBe('пн, чт');
    expect(s.get('Напоминания: Первый звонок')).toBe('15 мин');
    expect(s.get('Напоминания: Интервью')).toBe('20 мин');
    expect(s.get('Напоминания: Повторный звонок')).toBe('1 д, 20 мин');
    expect(s.get('Напоминания: Вводный звонок')).toBe('1 д, 20 мин');
    for (const def of SETTINGS.filter((d) => d.defaultRu)) {
      if (def.key === 'selectionWeekdays') expect(parseSelectionWeekdays(def.defaultRu!)).toEqual(parseSelectionWeekdays(def.defaultValue));
      else expect(parseOffsets(def.defaultRu).minutes).toEqual(parseOffsets(def.defaultValue).minutes);
    }
    const names = h.ws.spreadsheet.sheetNames();
    expect(names).toContain('_Синхронизация звонков');
    expect(names).not.toContain('_Calls sync');
  });

  test('an English workbook keeps the English forms and "_Calls sync"', async () => {
    h = await openHarness({ locale: 'en' });
    const s = new Map(
      h.ws.spreadsheet
        .readValues('Settings')
        .slice(1)
        .map((r) => [String(r[0]), String(r[1])]),
    );
    expect(s.get('Selection weekdays')).toBe('Mon, Thu');
    expect(s.get('Reminder offsets: Repeat call')).toBe('1d, 20m');
    expect(h.ws.spreadsheet.sheetNames()).toContain('_Calls sync');
  });

  test('re-running setup on a workbook of before: the old sync tab is renamed with its rows; English defaults become Russian, typed values stay', async () => {
    h = await openHarness({ locale: 'ru' });
    const model = h.ws.spreadsheet.model;
    const sync = model.sheets.find((s) => s.name === '_Синхронизация звонков')!;
    sync.name = '_Calls sync'; // as an older version named it
    sync.values.set(1, 0, 'CALL-2026-0001');
    const settings = model.sheets.find((s) => s.name === 'Настройки')!;
    const rows = h.ws.spreadsheet.readValues('Настройки');
    const rowOf = (key: string) => rows.findIndex((r) => r[0] === key);
    settings.values.set(rowOf('Дни подбора'), 1, 'Mon, Thu');
    settings.values.set(rowOf('Напоминания: Первый звонок'), 1, '30m'); // a person's own value
    settings.values.set(rowOf('Напоминания: Повторный звонок'), 1, '1d, 20m');
    h = await h.reopen();
    expect(h.ws.invoke('setupWorkbook', { kind: 'editor' }).ok).toBe(true);
    const names = h.ws.spreadsheet.sheetNames();
    expect(names).toContain('_Синхронизация звонков');
    expect(names).not.toContain('_Calls sync');
    expect(h.ws.spreadsheet.readValues('_Синхронизация звонков')[1][0]).toBe('CALL-2026-0001');
    const s = settingsOf(h);
    expect(s.get('Дни подбора')).toBe('пн, чт');
    expect(s.get('Напоминания: Первый звонок')).toBe('30m');
    expect(s.get('Напоминания: Повторный звонок')).toBe('1 д, 20 мин');
    // The renamed tab stays hidden and protected for the owner only.
    const renamed = h.ws.spreadsheet.model.sheets.find((x) => x.name === '_Синхронизация звонков')!;
    expect(renamed.hidden).toBe(true);
    expect(h.ws.spreadsheet.model.protections.some((p) => p.sheetId === renamed.id)).toBe(true);
  });
});
