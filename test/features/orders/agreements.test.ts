import {
  agreedTerms,
  agreementDue,
  agreementState,
  answerRecipient,
  currentAgreement,
  hrRecipients,
  promisesWithoutAgreement,
  REQUIRED_TO_FILE,
  validateAgreement,
} from '../../../src/features/orders/rules/agreements';
import { staffDirectory } from '../../../src/core/permissions';
import { addDays, formatLocalDate, instantAt, isoWeekday, LocalDate } from '../../../src/core/time';
import { intlZone } from '../../core/zone-fixture';

const zone = intlZone('Europe/Moscow');
const day = (year: number, month: number, d: number) => new Date(instantAt(zone, { year, month, day: d }));
const today: LocalDate = { year: 2026, month: 3, day: 2 };

/** A request as Sales files it, before HR answers. */
const filed: Record<string, unknown> = Object.freeze({
  agreementId: 'AGR-2026-0001',
  orderId: 'ORD-2026-0001',
  requestedBy: 'anna@agency.ru',
  expectedResumes: 60,
  expectedCalls: 120,
  expectedAgreeing: '',
  expectedComing: '',
  risks: 'Возврат денег, если не будет 5 собеседований',
  otherPoints: '',
  callKind: '',
  expectedOutcome: '',
  selectionWeekdays: 'Вт, Пт',
  resumesPerSelection: 30,
  firstSelectionDate: day(2026, 3, 3),
  hrSpecialist: 'olga@agency.ru',
  answer: '',
  hrComment: '',
  answeredAt: '',
  problems: '',
});
const withAgreement = (changes: Record<string, unknown>) => ({ ...filed, ...changes });
const codes = (problems: { code: string; column?: string }[]) => problems.map((p) => `${p.code}:${p.column ?? ''}`);

const individualOrder = { orderId: 'ORD-2026-0001', terms: 'Индивидуальные', paymentReceived: '' };
const standardOrder = { orderId: 'ORD-2026-0002', terms: 'Стандартные' };
const callingOrder = { orderId: 'ORD-2026-0003', terms: 'Стандартные', paidServices: 'Обзвон соискателей', paymentReceived: '' };
const orders = new Map<string, Record<string, unknown>>([
  ['ORD-2026-0001', individualOrder],
  ['ORD-2026-0002', standardOrder],
  ['ORD-2026-0003', callingOrder],
]);
const ctx = { zone, today, orders };

describe('filing a request for individual terms (docs/DOMAIN.md §5.1, §5.2)', () => {
  test('a complete request has no problems and is pending with HR', () => {
    expect(validateAgreement(filed, ctx)).toEqual([]);
    expect(agreementState(filed, ctx)).toBe('pending');
  });

  test.each(REQUIRED_TO_FILE)('"%s" is required to file', (key) => {
    const row = withAgreement({ [key]: '' });
    expect(codes(validateAgreement(row, ctx))).toEqual([`required:${key}`]);
    expect(agreementState(row, ctx)).toBe('incomplete');
  });

  test('estimates "if possible" and the client’s wishes "if appropriate" are optional', () => {
    expect(validateAgreement(withAgreement({ expectedAgreeing: '', expectedComing: '', callKind: '', expectedOutcome: '' }), ctx)).toEqual([]);
  });

  test('a request that names nothing individual gets a warning', () => {
    const row = withAgreement({ selectionWeekdays: '', resumesPerSelection: '', firstSelectionDate: '', otherPoints: '' });
    const problems = validateAgreement(row, ctx);
    expect(codes(problems)).toEqual(['nothingRequested:']);
    expect(problems[0].severity).toBe('warning');
    expect(validateAgreement({ ...row, otherPoints: 'Анкетирование' }, ctx)).toEqual([]);
  });

  test.each([
    ['requestedBy', 'Анна', 'notEmail'],
    ['expectedResumes', -5, 'negative'],
    ['expectedCalls', 'около сотни', 'notNumber'],
    ['expectedComing', 2.5, 'notInteger'],
    ['resumesPerSelection', 0, 'belowMinimum'],
    ['selectionWeekdays', 'по запросу', 'notWeekdays'],
    ['firstSelectionDate', 'завтра', 'notDate'],
    ['callKind', 'Громкие', 'notChoice'],
    ['answer', 'Может быть', 'notChoice'],
  ])('%s = %j → %s', (key, value, code) => {
    expect(codes(validateAgreement(withAgreement({ [key]: value }), ctx))).toEqual([`${code}:${key}`]);
  });

  test('the order must exist; an agreement for a standard order is questioned', () => {
    expect(codes(validateAgreement(withAgreement({ orderId: 'ORD-2026-0999' }), ctx))).toEqual(['orderUnknown:orderId']);
    const problems = validateAgreement(withAgreement({ orderId: 'ORD-2026-0002' }), ctx);
    expect(codes(problems)).toEqual(['orderNotIndividual:orderId']);
    expect(problems[0].severity).toBe('warning');
  });

  test('an agreement for a calling-service sale on Standard terms is expected and needs no individual item', () => {
    const numbersOnly = withAgreement({ orderId: 'ORD-2026-0003', selectionWeekdays: '', resumesPerSelection: '', firstSelectionDate: '' });
    expect(validateAgreement(numbersOnly, ctx)).toEqual([]);
    expect(agreementState(numbersOnly, ctx)).toBe('pending');
  });

  test('a first selection date already past is flagged while unanswered', () => {
    const later = { ...ctx, today: { year: 2026, month: 3, day: 10 } };
    expect(codes(validateAgreement(filed, later))).toEqual(['datePassed:firstSelectionDate']);
    expect(validateAgreement(withAgreement({ answer: 'Agreed' }), later)).toEqual([]);
  });
});

describe('HR answers', () => {
  test('Agreed, with or without a comment', () => {
    expect(agreementState(withAgreement({ answer: 'Согласовано' }), ctx)).toBe('agreed');
    expect(validateAgreement(withAgreement({ answer: 'Agreed' }), ctx)).toEqual([]);
  });

  test('Rejected needs the reason in HR comment', () => {
    const problems = validateAgreement(withAgreement({ answer: 'Отклонено' }), ctx);
    expect(codes(problems)).toEqual(['rejectedNeedsComment:hrComment']);
    expect(problems[0].ru).toBe('Ответ «Отклонено»: укажите причину в «Комментарий HR».');
    expect(validateAgreement(withAgreement({ answer: 'Отклонено', hrComment: 'Нет ресурса' }), ctx)).toEqual([]);
    expect(agreementState(withAgreement({ answer: 'Rejected', hrComment: 'x' }), ctx)).toBe('rejected');
  });
});

describe('the answer is due by the end of the next working day', () => {
  // Mon–Fri, with 9 March 2026 off (8 March falls on a Sunday and moves to Monday).
  const holidays = new Set(['2026-03-09']);
  const isWorking = (d: LocalDate) => isoWeekday(d) <= 5 && !holidays.has(formatLocalDate(d));
  const nextWorkingDay = (d: LocalDate) => {
    let n = addDays(d, 1);
    while (!isWorking(n)) n = addDays(n, 1);
    return n;
  };

  test('filed on a Tuesday afternoon: due by the end of Wednesday', () => {
    const due = agreementDue(instantAt(zone, { year: 2026, month: 3, day: 3 }, 15, 0), zone, nextWorkingDay);
    expect(due.dueDate).toEqual({ year: 2026, month: 3, day: 4 });
    expect(new Date(due.overdueFromMs).toISOString()).toBe('2026-03-04T21:00:00.000Z'); // midnight in Moscow
  });

  test('filed on Friday before the moved holiday: due by the end of Tuesday', () => {
    const due = agreementDue(instantAt(zone, { year: 2026, month: 3, day: 6 }, 17, 30), zone, nextWorkingDay);
    expect(due.dueDate).toEqual({ year: 2026, month: 3, day: 10 });
  });

  test('filed on a Saturday: due by the end of Monday', () => {
    const due = agreementDue(instantAt(zone, { year: 2026, month: 3, day: 14 }, 11, 0), zone, nextWorkingDay);
    expect(due.dueDate).toEqual({ year: 2026, month: 3, day: 16 });
  });

  test('the filing day is taken in the spreadsheet zone: 23:30 Moscow on Tuesday is Tuesday', () => {
    const due = agreementDue(Date.parse('2026-03-03T20:30:00Z'), zone, nextWorkingDay);
    expect(due.dueDate).toEqual({ year: 2026, month: 3, day: 4 });
  });
});

describe('agreed values replace Table 1 for the order', () => {
  test('only an Agreed agreement sets terms', () => {
    expect(agreedTerms(withAgreement({ answer: 'Agreed' }), zone)).toEqual({
      selectionWeekdays: [2, 5],
      resumesPerSelection: 30,
      firstSelectionDate: { year: 2026, month: 3, day: 3 },
    });
    expect(agreedTerms(filed, zone)).toBeUndefined();
    expect(agreedTerms(withAgreement({ answer: 'Rejected', hrComment: 'нет' }), zone)).toBeUndefined();
    expect(agreedTerms(undefined, zone)).toBeUndefined();
  });

  test('items left empty (or unreadable) keep Table 1', () => {
    expect(agreedTerms(withAgreement({ answer: 'Agreed', selectionWeekdays: '', resumesPerSelection: 'много' }), zone)).toEqual({
      firstSelectionDate: { year: 2026, month: 3, day: 3 },
    });
  });

  test('the current agreement of an order is its last row', () => {
    const rows = [
      withAgreement({ agreementId: 'AGR-2026-0001', answer: 'Rejected', hrComment: 'нет' }),
      withAgreement({ agreementId: 'AGR-2026-0002', orderId: 'ORD-2026-0002' }),
      withAgreement({ agreementId: 'AGR-2026-0003', orderId: ' ord-2026-0001 ', answer: 'Agreed' }),
    ];
    expect(currentAgreement('ORD-2026-0001', rows)?.agreementId).toBe('AGR-2026-0003');
    expect(currentAgreement('ORD-2026-0005', rows)).toBeUndefined();
    expect(currentAgreement('', rows)).toBeUndefined();
  });
});

describe('promising individual terms without HR', () => {
  const pctx = { zone, today };
  const paid = { ...individualOrder, paymentReceived: day(2026, 2, 27) };

  test('a client who paid on individual terms HR has not agreed is flagged as an error', () => {
    const problems = promisesWithoutAgreement(paid, [filed], pctx);
    expect(codes(problems)).toEqual(['promiseWithoutAgreement:terms']);
    expect(problems[0].severity).toBe('error');
    expect(codes(promisesWithoutAgreement(paid, [], pctx))).toEqual(['promiseWithoutAgreement:terms']);
    expect(codes(promisesWithoutAgreement(paid, [withAgreement({ answer: 'Rejected', hrComment: 'нет' })], pctx))).toEqual([
      'promiseWithoutAgreement:terms',
    ]);
  });

  test('with an Agreed agreement nothing is flagged', () => {
    expect(promisesWithoutAgreement(paid, [withAgreement({ answer: 'Agreed' })], pctx)).toEqual([]);
  });

  test('a newer request supersedes an agreed one until HR answers it', () => {
    const rows = [withAgreement({ answer: 'Agreed' }), withAgreement({ agreementId: 'AGR-2026-0004', resumesPerSelection: 50 })];
    expect(codes(promisesWithoutAgreement(paid, rows, pctx))).toEqual(['promiseWithoutAgreement:terms']);
  });

  test('a draft marked Individual with no request filed gets a warning to file one first', () => {
    const problems = promisesWithoutAgreement(individualOrder, [], pctx);
    expect(codes(problems)).toEqual(['agreementMissing:terms']);
    expect(problems[0].severity).toBe('warning');
    expect(promisesWithoutAgreement(individualOrder, [filed], pctx)).toEqual([]);
  });

  test('a client who paid for the calling service before HR agreed it is flagged as an error; a draft is warned', () => {
    const paidCalling = { ...callingOrder, paymentReceived: day(2026, 2, 27) };
    const callingFiled = withAgreement({ orderId: 'ORD-2026-0003' });
    expect(codes(promisesWithoutAgreement(paidCalling, [callingFiled], pctx))).toEqual(['callingSoldWithoutAgreement:paidServices']);
    expect(promisesWithoutAgreement(paidCalling, [{ ...callingFiled, answer: 'Согласовано' }], pctx)).toEqual([]);
    const draft = promisesWithoutAgreement(callingOrder, [], pctx);
    expect(codes(draft)).toEqual(['callingAgreementMissing:paidServices']);
    expect(draft[0].severity).toBe('warning');
  });

  test('standard terms promise nothing beyond Table 1', () => {
    expect(promisesWithoutAgreement({ ...standardOrder, paymentReceived: day(2026, 2, 27) }, [], pctx)).toEqual([]);
  });
});

describe('who is e-mailed', () => {
  const staff = staffDirectory(
    [
      { name: 'Ольга', email: 'olga@agency.ru', department: 'HR', deputyEmail: 'pavel@agency.ru', absentUntil: day(2026, 3, 6) },
      { name: 'Павел', email: 'pavel@agency.ru', department: 'HR' },
      { name: 'Анна', email: 'Anna@Agency.ru', department: 'Отдел продаж', deputyEmail: 'boris@agency.ru' },
      { name: 'Борис', email: 'boris@agency.ru', department: 'Sales' },
    ],
    zone,
  );

  test('the HR specialist named on the request, or their deputy while they are absent', () => {
    expect(hrRecipients(filed, individualOrder, staff, today)).toEqual([{ to: 'pavel@agency.ru', skipped: ['olga@agency.ru'] }]);
    expect(hrRecipients(filed, individualOrder, staff, { year: 2026, month: 3, day: 7 })).toEqual([{ to: 'olga@agency.ru', skipped: [] }]);
  });

  test('the order’s HR specialist when the request names none; all of HR when nobody is named', () => {
    expect(hrRecipients(withAgreement({ hrSpecialist: '' }), { hrSpecialist: 'pavel@agency.ru' }, staff, today)).toEqual([
      { to: 'pavel@agency.ru', skipped: [] },
    ]);
    // Olga is away, so her mail goes to Pavel, who is listed once.
    expect(hrRecipients(withAgreement({ hrSpecialist: '' }), undefined, staff, today)).toEqual([
      { to: 'pavel@agency.ru', skipped: ['olga@agency.ru'] },
    ]);
  });

  test('the answer goes to the requester', () => {
    expect(answerRecipient(filed, staff, today)).toEqual({ to: 'anna@agency.ru', skipped: [] });
    expect(answerRecipient(withAgreement({ requestedBy: '' }), staff, today)).toBeUndefined();
  });
});
