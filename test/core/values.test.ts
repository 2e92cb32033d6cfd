import { instantAt } from '../../src/core/time';
import {
  cellText,
  isBlank,
  isEmail,
  maxOf,
  minOf,
  isTicked,
  isUrl,
  numberFromText,
  parseAmount,
  parseChoiceCell,
  parseCount,
  parseDateCell,
  parseDateTimeCell,
  parseEmailCell,
  parseList,
  parseUrlCell,
  parseWeekdays,
  phoneDigits,
} from '../../src/core/values';
import { TERMS } from '../../src/core/schema';
import { intlZone } from './zone-fixture';

const zone = intlZone('Europe/Moscow');
const day = (year: number, month: number, d: number) => new Date(instantAt(zone, { year, month, day: d }));

describe('e-mail addresses', () => {
  test.each(['ivan@romashka.ru', 'first.last+tag@sub.example.com', 'hr@пример.рф', "o'neil@example.io"])('%s is an address', (e) => {
    expect(isEmail(e)).toBe(true);
  });
  test.each([
    'ivan@romashka', // no top-level domain
    'ivan romashka.ru',
    'ivan@@romashka.ru',
    'Иван <ivan@romashka.ru>', // a display name is not an address
    '.ivan@romashka.ru',
    'ivan..p@romashka.ru',
    'ivan@romashka.ru, anna@romashka.ru',
    'ivan@-romashka.ru',
    '',
  ])('%s is not', (e) => {
    expect(isEmail(e)).toBe(false);
  });
  test('a cell is trimmed, blank is blank, a number is not an address', () => {
    expect(parseEmailCell('  ivan@romashka.ru ')).toEqual({ status: 'ok', value: 'ivan@romashka.ru' });
    expect(parseEmailCell('   ')).toEqual({ status: 'blank' });
    expect(parseEmailCell(12345)).toMatchObject({ status: 'invalid', reason: 'notEmail', text: '12345' });
  });
});

describe('links (http and https only)', () => {
  test.each([
    'https://fintops.example.ru/company/42',
    'http://fintops.ru/vacancy?id=7#top',
    'https://docs.google.com/document/d/1AbC/edit',
    'https://пример.рф/договор',
    'http://localhost:8080/x',
  ])('%s is a link', (u) => {
    expect(isUrl(u)).toBe(true);
  });
  test.each([
    'fintops.ru/company/42',
    'javascript:alert(1)',
    'ftp://files.example.ru/a',
    'https://',
    'https://fintops',
    'https://fin tops.ru',
    'ссылка',
  ])('%s is not', (u) => {
    expect(isUrl(u)).toBe(false);
  });
  test('a link without a scheme is reported with the https:// suggestion, not rewritten', () => {
    expect(parseUrlCell('fintops.ru/company/42')).toEqual({
      status: 'invalid',
      reason: 'urlNoScheme',
      text: 'fintops.ru/company/42',
      suggestion: 'https://fintops.ru/company/42',
    });
  });
  test('other schemes are refused by name', () => {
    expect(parseUrlCell('javascript:alert(1)')).toMatchObject({ reason: 'urlScheme' });
    expect(parseUrlCell('ftp://files.example.ru/a')).toMatchObject({ reason: 'urlScheme' });
    expect(parseUrlCell('договор у Ивана')).toMatchObject({ reason: 'notUrl' });
  });
});

describe('sums of money', () => {
  test('a number cell of zero or more is a sum', () => {
    expect(parseAmount(45000)).toEqual({ status: 'ok', value: 45000 });
    expect(parseAmount(0)).toEqual({ status: 'ok', value: 0 });
    expect(parseAmount(1500.5)).toEqual({ status: 'ok', value: 1500.5 });
  });
  test('a negative sum is refused', () => {
    expect(parseAmount(-100)).toMatchObject({ status: 'invalid', reason: 'negative' });
    expect(parseAmount('-100')).toMatchObject({ status: 'invalid', reason: 'negative' });
  });
  test('a sum typed as text is flagged with the number it reads as, not converted', () => {
    expect(parseAmount('1 500,50')).toEqual({ status: 'invalid', reason: 'numberAsText', text: '1 500,50', suggestion: '1500.5' });
    expect(parseAmount('1,500.50')).toMatchObject({ reason: 'numberAsText', suggestion: '1500.5' });
  });
  test('words are not a sum', () => {
    expect(parseAmount('около 45 тысяч')).toMatchObject({ status: 'invalid', reason: 'notNumber' });
    expect(parseAmount(true)).toMatchObject({ status: 'invalid', reason: 'notNumber' });
    expect(parseAmount(day(2026, 3, 1))).toMatchObject({ reason: 'notNumber' });
  });
  test('numeric text in either convention', () => {
    expect(numberFromText('1 500,50')).toBe(1500.5);
    expect(numberFromText('1.500,50')).toBe(1500.5);
    expect(numberFromText('1,500,000')).toBe(1500000);
    expect(numberFromText('1500')).toBe(1500);
    expect(numberFromText('15 руб')).toBeUndefined();
  });
  test('counts are whole numbers with a minimum', () => {
    expect(parseCount(20)).toEqual({ status: 'ok', value: 20 });
    expect(parseCount(2.5)).toMatchObject({ reason: 'notInteger' });
    expect(parseCount(0, 1)).toMatchObject({ reason: 'belowMinimum', suggestion: '1' });
    expect(parseCount('20')).toMatchObject({ reason: 'numberAsText' });
  });
});

describe('date cells', () => {
  test('a Date is read as its calendar date in the spreadsheet zone', () => {
    expect(parseDateCell(day(2026, 3, 2), zone)).toEqual({ status: 'ok', value: { year: 2026, month: 3, day: 2 } });
    // 23:30 Moscow is still the 2nd there although it is the 2nd 20:30 UTC
    expect(parseDateCell(new Date(instantAt(zone, { year: 2026, month: 3, day: 2 }, 23, 30)), zone)).toMatchObject({
      value: { year: 2026, month: 3, day: 2 },
    });
  });
  test('text left in a date column is what Sheets did not recognise: reported, not guessed', () => {
    expect(parseDateCell('31.02.2026', zone)).toEqual({ status: 'invalid', reason: 'notDate', text: '31.02.2026' });
    expect(parseDateCell('на следующей неделе', zone)).toMatchObject({ reason: 'notDate' });
    expect(parseDateCell(46000, zone)).toMatchObject({ reason: 'notDate' });
  });
  test('a year typed as two digits that landed in 1926 is out of range', () => {
    expect(parseDateCell(day(1926, 3, 1), zone)).toMatchObject({ status: 'invalid', reason: 'dateOutOfRange', text: '1926' });
  });
  test('date-times are instants', () => {
    const at = new Date('2026-03-02T07:00:00Z');
    expect(parseDateTimeCell(at)).toEqual({ status: 'ok', value: at.getTime() });
    expect(parseDateTimeCell('вчера')).toMatchObject({ reason: 'notDate' });
  });
});

describe('list cells (Paid services, Job sites)', () => {
  test('commas, semicolons and line breaks separate; blanks and repeats go', () => {
    expect(parseList('hh.ru, superjob.ru;avito.ru\nrabota.ru\r\n, ,HH.ru')).toEqual(['hh.ru', 'superjob.ru', 'avito.ru', 'rabota.ru']);
    expect(parseList('')).toEqual([]);
    expect(parseList('  Обзвон   соискателей ')).toEqual(['Обзвон соискателей']);
  });
});

describe('weekdays', () => {
  test.each([
    ['Mon, Thu', [1, 4]],
    ['Пн, Чт', [1, 4]],
    ['понедельник и четверг', [1, 4]],
    ['Thu; Mon; mon', [1, 4]],
    ['вт/пт', [2, 5]],
    ['1, 4', [1, 4]],
    ['Пн.', [1]],
    ['по вторникам и пятницам', [2, 5]],
    ['пн–ср', [1, 2, 3]],
  ])('%s → %j', (text, days) => {
    expect(parseWeekdays(text)).toEqual({ status: 'ok', value: days });
  });
  test('anything else is not a list of weekdays', () => {
    expect(parseWeekdays('каждый день')).toMatchObject({ reason: 'notWeekdays' });
    expect(parseWeekdays('8')).toMatchObject({ reason: 'notWeekdays' });
  });
});

describe('other cells', () => {
  test('blank means empty or only spaces', () => {
    expect([isBlank(''), isBlank('  '), isBlank(null), isBlank(undefined), isBlank(0), isBlank(false)]).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  test('cell text keeps formulas and markup as typed', () => {
    expect(cellText(' =1+1 ')).toBe('=1+1');
    expect(cellText('<b>x</b>')).toBe('<b>x</b>');
    expect(cellText(79001234567)).toBe('79001234567');
  });
  test('checkboxes', () => {
    expect([isTicked(true), isTicked('TRUE'), isTicked('ИСТИНА'), isTicked(false), isTicked(''), isTicked('да')]).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
  test('phones', () => {
    expect(phoneDigits('+7 (800) 707-84-52')).toBe('78007078452');
    expect(phoneDigits('+7 900 123-45-67 доб. 12')).toBe('79001234567');
    expect(phoneDigits(79001234567)).toBe('79001234567');
    expect(phoneDigits('позвонить Ивану')).toBeUndefined();
    expect(phoneDigits('123')).toBeUndefined();
  });
  test('choices in either language', () => {
    expect(parseChoiceCell('Individual', TERMS)).toMatchObject({ status: 'ok', value: { key: 'individual' } });
    expect(parseChoiceCell('индивидуальные', TERMS)).toMatchObject({ status: 'ok', value: { key: 'individual' } });
    expect(parseChoiceCell('особые', TERMS)).toMatchObject({ status: 'invalid', reason: 'notChoice' });
  });
});

describe('minOf and maxOf', () => {
  test('the least and greatest of a list as long as a pasted column (Math.min(...xs) overflows the stack there)', () => {
    const rows = Array.from({ length: 500000 }, (_, i) => (i * 7919) % 500000);
    expect(() => Math.min(...rows)).toThrow(RangeError);
    expect([minOf(rows), maxOf(rows)]).toEqual([0, 499999]);
    expect([minOf([3]), maxOf([3])]).toEqual([3, 3]);
    expect([minOf([]), maxOf([])]).toEqual([Infinity, -Infinity]);
  });
});
