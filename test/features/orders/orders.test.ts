import {
  decideHandOff,
  deriveStatus,
  EmailRow,
  formatEmailValue,
  formatMoney,
  handOffCheck,
  handOffEmail,
  jobSitePostingPaid,
  nextAgreementId,
  nextIds,
  nextOrderId,
  OrderContext,
  REQUIRED_FOR_HAND_OFF,
  validateOrder,
} from '../../../src/features/orders/rules/orders';
import { problemsText } from '../../../src/features/orders/rules/messages';
import { staffDirectory } from '../../../src/core/permissions';
import { tabDef } from '../../../src/core/schema';
import { instantAt, LocalDate } from '../../../src/core/time';
import { intlZone } from '../../core/zone-fixture';

const zone = intlZone('Europe/Moscow');
const day = (year: number, month: number, d: number) => new Date(instantAt(zone, { year, month, day: d }));
const today: LocalDate = { year: 2026, month: 3, day: 2 };
const ctx: OrderContext = { zone, today };

/** A paid standard order with everything docs/DOMAIN.md §5.3 asks for. */
const complete: Record<string, unknown> = Object.freeze({
  orderId: 'ORD-2026-0001',
  client: 'ООО «Ромашка»',
  contactPerson: 'Иван Петров',
  clientEmail: 'ivan@romashka.ru',
  clientPhone: '+7 (900) 123-45-67',
  clientLanguage: 'Русский',
  vacancy: 'Оператор call-центра',
  vacancyDescription: 'Входящие звонки, график 5/2',
  fintopsCompanyLink: 'https://fintops.example.ru/company/42',
  requestLink: 'https://docs.example.ru/request/42',
  fintopsVacancyLink: '',
  publicationFrom: day(2026, 3, 2),
  publicationTo: day(2026, 3, 31),
  jobSites: '',
  paidServices: 'Обзвон соискателей, Подбор резюме',
  paidFrom: day(2026, 3, 2),
  paidTo: day(2026, 3, 31),
  sum: 45000,
  bonuses: '',
  contractLink: '',
  paymentReceived: day(2026, 2, 27),
  salesManager: 'anna@agency.ru',
  terms: 'Стандартные',
  hrSpecialist: '',
  hrReceived: '',
  handOff: true,
  handedOffAt: '',
  status: 'Оплачен',
  problems: '',
});
const withOrder = (changes: Record<string, unknown>) => ({ ...complete, ...changes });

const agreed = {
  agreementId: 'AGR-2026-0001',
  orderId: 'ORD-2026-0001',
  requestedBy: 'anna@agency.ru',
  expectedResumes: 60,
  expectedCalls: 120,
  expectedAgreeing: 15,
  expectedComing: 8,
  risks: 'Нет',
  otherPoints: 'Анкетирование соискателей',
  callKind: 'Подробные',
  expectedOutcome: '10 собеседований',
  selectionWeekdays: 'Вт, Пт',
  resumesPerSelection: 30,
  firstSelectionDate: day(2026, 3, 3),
  hrSpecialist: 'olga@agency.ru',
  answer: 'Согласовано',
  hrComment: 'Ок, анкеты — на нас',
};

/** What HR agrees for every calling-service sale on standard terms: the expected numbers and risks, no terms. */
const callingAgreed = {
  agreementId: 'AGR-2026-0002',
  orderId: 'ORD-2026-0001',
  requestedBy: 'anna@agency.ru',
  expectedResumes: 50,
  expectedCalls: 100,
  expectedAgreeing: 12,
  expectedComing: 6,
  risks: 'Возврат, если придут меньше 3',
  answer: 'Согласовано',
  answeredAt: new Date('2026-02-26T10:15:00Z'),
};

const value = (rows: EmailRow[], key: string) => rows.find((r) => r.key === key)?.value;
const codes = (problems: { code: string; column?: string }[]) => problems.map((p) => `${p.code}:${p.column ?? ''}`);

describe('hand-off check (docs/DOMAIN.md §5.3)', () => {
  test('a complete, paid standard order may be handed off', () => {
    expect(handOffCheck(complete, callingAgreed, ctx)).toEqual([]);
  });

  test.each(REQUIRED_FOR_HAND_OFF)('the hand-off is refused while "%s" is missing, naming it in both languages', (key) => {
    const problems = handOffCheck(withOrder({ [key]: '' }), callingAgreed, ctx);
    expect(codes(problems)).toEqual([`${key === 'paidServices' ? 'paidServicesEmpty' : 'required'}:${key}`]);
    const col = tabDef('orders').columns.find((c) => c.key === key);
    expect(problems[0].ru).toContain(`«${col?.ru}»`);
    expect(problems[0].en).toContain(`"${col?.en}"`);
  });

  test('optional items may stay empty: Fintops vacancy link, contract, bonuses, HR specialist, client language', () => {
    expect(
      handOffCheck(
        withOrder({ fintopsVacancyLink: '', contractLink: '', bonuses: '', hrSpecialist: '', clientLanguage: '' }),
        callingAgreed,
        ctx,
      ),
    ).toEqual([]);
  });

  test('job sites are required when job-site posting is paid, in either language or the usual spelling', () => {
    for (const services of ['Обзвон соискателей; Размещение на сайтах вакансий', 'Job-site posting', 'Размещение на JOB-сайтах']) {
      const order = withOrder({ paidServices: services });
      expect(jobSitePostingPaid(order)).toBe(true);
      expect(codes(handOffCheck(order, callingAgreed, ctx))).toEqual(['jobSitesRequired:jobSites']);
      expect(handOffCheck({ ...order, jobSites: 'hh.ru, superjob.ru' }, callingAgreed, ctx)).toEqual([]);
    }
  });

  test('job sites are not required when only calling is paid', () => {
    expect(jobSitePostingPaid(complete)).toBe(false);
  });

  test('every missing item is listed, in column order', () => {
    const problems = handOffCheck(withOrder({ clientEmail: '', sum: '', fintopsCompanyLink: '' }), callingAgreed, ctx);
    expect(codes(problems)).toEqual(['required:clientEmail', 'required:fintopsCompanyLink', 'required:sum']);
    expect(problemsText(problems, 'en')).toBe('Missing: "Client e-mail".\nMissing: "Fintops company link".\nMissing: "Sum".');
  });

  test('a cancelled order cannot be handed off', () => {
    expect(codes(handOffCheck(withOrder({ status: 'Cancelled' }), callingAgreed, ctx))).toEqual(['cancelled:status']);
  });
});

describe('bad inputs are reported and kept as typed', () => {
  test.each([
    ['clientEmail', 'ivan@romashka', 'notEmail'],
    ['clientEmail', 'ivan romashka.ru', 'notEmail'],
    ['salesManager', 'Анна', 'notEmail'],
    ['fintopsCompanyLink', 'fintops.ru/company/42', 'urlNoScheme'],
    ['fintopsCompanyLink', 'javascript:alert(1)', 'urlScheme'],
    ['contractLink', 'договор в папке', 'notUrl'],
    ['sum', -100, 'negative'],
    ['sum', 'сорок пять тысяч', 'notNumber'],
    ['sum', '45 000,50', 'numberAsText'],
    ['paidFrom', '31.02.2026', 'notDate'],
    ['publicationFrom', day(1926, 3, 2), 'dateOutOfRange'],
    ['terms', 'Особые', 'notChoice'],
    ['clientLanguage', 'Klingon', 'notChoice'],
  ])('%s = %j → %s, and blocks the hand-off', (key, value, code) => {
    const order = withOrder({ [key]: value });
    const problems = validateOrder(order, ctx);
    expect(codes(problems)).toEqual([`${code}:${key}`]);
    expect(problems[0].severity).toBe('error');
    expect(codes(handOffCheck(order, callingAgreed, ctx))).toContain(`${code}:${key}`);
    expect(order[key]).toBe(value);
  });

  test('the message quotes what was typed and suggests, in both languages', () => {
    const [p] = validateOrder(withOrder({ sum: '45 000,50' }), ctx);
    expect(p.ru).toBe('«Сумма»: «45 000,50» записано текстом; введите само число (45000.5).');
    expect(p.en).toBe('"Sum": "45 000,50" is text; type the number itself (45000.5).');
    const [c] = validateOrder(withOrder({ terms: 'Особые' }), ctx);
    expect(c.ru).toContain('Стандартные, Индивидуальные');
  });

  test('an end before its start is reported on the end column', () => {
    const problems = validateOrder(withOrder({ paidFrom: day(2026, 3, 31), paidTo: day(2026, 3, 2) }), ctx);
    expect(codes(problems)).toEqual(['periodReversed:paidTo']);
    expect(problems[0].ru).toBe('«Оплачено по» (02.03.2026) раньше, чем «Оплачено с» (31.03.2026).');
    expect(problems[0].en).toBe('"Paid to" (2026-03-02) is before "Paid from" (2026-03-31).');
    expect(codes(validateOrder(withOrder({ publicationTo: day(2026, 3, 1) }), ctx))).toEqual(['periodReversed:publicationTo']);
  });

  test('a one-day period is fine', () => {
    expect(validateOrder(withOrder({ paidFrom: day(2026, 3, 2), paidTo: day(2026, 3, 2) }), ctx)).toEqual([]);
  });

  test('a payment cannot be received in the future', () => {
    expect(codes(validateOrder(withOrder({ paymentReceived: day(2026, 3, 3) }), ctx))).toEqual(['dateInFuture:paymentReceived']);
    expect(validateOrder(withOrder({ paymentReceived: day(2026, 3, 2) }), ctx)).toEqual([]);
  });

  test('a formula or HTML typed in a text cell is not a problem and reaches the e-mail as inert text', () => {
    const order = withOrder({
      client: '<script>alert("x")</script>',
      vacancyDescription: '=IMPORTXML("http://evil", "//a")',
      bonuses: '<b>50%</b> & more',
    });
    expect(validateOrder(order, ctx)).toEqual([]);
    const rows = handOffEmail(order, undefined, 'ru', zone).rows;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('client')?.value).toEqual({ type: 'text', text: '<script>alert("x")</script>' });
    expect(byKey.get('vacancyDescription')?.value).toEqual({ type: 'longtext', text: '=IMPORTXML("http://evil", "//a")' });
    expect(byKey.get('bonuses')?.value).toEqual({ type: 'longtext', text: '<b>50%</b> & more' });
  });

  test('unknown paid services and unreadable phones are warnings: shown, not blocking', () => {
    const order = withOrder({ paidServices: 'Обзвон соискателей, Анкетирование', clientPhone: 'спросить у Ивана' });
    const problems = validateOrder(order, ctx);
    expect(codes(problems)).toEqual(['phoneUnreadable:clientPhone', 'unknownService:paidServices']);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(handOffCheck(order, callingAgreed, ctx)).toEqual([]);
  });

  test('people named on the order are checked against Staff (warnings)', () => {
    const staff = staffDirectory(
      [
        { name: 'Анна', email: 'anna@agency.ru', department: 'HR' },
        { name: 'Ольга', email: 'olga@agency.ru', department: 'HR' },
      ],
      zone,
    );
    const problems = validateOrder(withOrder({ hrSpecialist: 'olga@agency.ru', salesManager: 'anna@agency.ru' }), { ...ctx, staff });
    expect(codes(problems)).toEqual(['wrongDepartment:salesManager']);
    expect(codes(validateOrder(withOrder({ salesManager: 'boris@agency.ru' }), { ...ctx, staff }))).toEqual(['notInStaff:salesManager']);
  });

  test('HR receiving an order that was never handed off is flagged', () => {
    expect(codes(validateOrder(withOrder({ hrReceived: new Date('2026-03-02T07:00:00Z') }), ctx))).toEqual([
      'hrReceivedBeforeHandOff:hrReceived',
    ]);
  });
});

describe('a draft being filled in', () => {
  const draft = { client: 'ООО «Ромашка»', clientEmail: 'ivan@romashka', vacancy: 'Оператор' };

  test('shows only typos until the hand-off is due', () => {
    expect(codes(validateOrder(draft, ctx))).toEqual(['notEmail:clientEmail']);
  });

  test('shows every missing item once payment is recorded', () => {
    const problems = validateOrder({ ...draft, paymentReceived: day(2026, 3, 1) }, ctx);
    expect(codes(problems)).toContain('required:contactPerson');
    expect(codes(problems)).toContain('required:sum');
    expect(codes(problems)).toContain('notEmail:clientEmail');
  });

  test('validation never writes to the row', () => {
    const row = Object.freeze({ ...draft, sum: '1 500,50' });
    expect(() => validateOrder(row, ctx, { requireAll: true })).not.toThrow();
    expect(row).toEqual({ ...draft, sum: '1 500,50' });
  });
});

describe('an individual order cannot be handed off before HR agrees', () => {
  const individual = withOrder({ terms: 'Индивидуальные' });

  test('no agreement filed', () => {
    const problems = handOffCheck(individual, undefined, ctx);
    expect(codes(problems)).toEqual(['agreementMissing:terms']);
  });

  test('agreement not answered yet', () => {
    const problems = handOffCheck(individual, { ...agreed, answer: '' }, ctx);
    expect(codes(problems)).toEqual(['agreementPending:terms']);
    expect(problems[0].en).toBe('Individual terms: agreement AGR-2026-0001 has not been agreed by HR yet.');
  });

  test('agreement rejected: HR’s comment is quoted', () => {
    const problems = handOffCheck(individual, { ...agreed, answer: 'Rejected', hrComment: 'Не успеем к вторнику' }, ctx);
    expect(codes(problems)).toEqual(['agreementRejected:terms']);
    expect(problems[0].ru).toBe('Индивидуальные условия: HR отклонил согласование AGR-2026-0001: Не успеем к вторнику');
  });

  test('agreement Agreed: the hand-off may go', () => {
    expect(handOffCheck(individual, agreed, ctx)).toEqual([]);
  });

  test('a standard order needs no agreement', () => {
    expect(handOffCheck(withOrder({ terms: '' }), callingAgreed, ctx)).toEqual([]);
  });
});

describe('a calling-service order cannot be handed off before HR agrees the expected numbers (seed 000)', () => {
  // «При продаже услуги «Обзвон соискателей» … обязан предварительно согласовывать … у HR»
  test('a Standard order selling «Обзвон соискателей» with no agreement filed is refused, naming what HR must agree', () => {
    const problems = handOffCheck(complete, undefined, ctx);
    expect(codes(problems)).toEqual(['callingAgreementMissing:paidServices']);
    expect(problems[0].ru).toContain('сколько резюме и звонков');
    expect(problems[0].en).toContain('risks');
  });

  test('an agreement not answered yet, or rejected, still refuses it; HR’s reason is quoted', () => {
    expect(codes(handOffCheck(complete, { ...callingAgreed, answer: '' }, ctx))).toEqual(['callingAgreementPending:paidServices']);
    const rejected = handOffCheck(complete, { ...callingAgreed, answer: 'Отклонено', hrComment: 'Риск возврата высок' }, ctx);
    expect(codes(rejected)).toEqual(['callingAgreementRejected:paidServices']);
    expect(rejected[0].ru).toBe('«Обзвон соискателей»: HR отклонил согласование AGR-2026-0002: Риск возврата высок');
  });

  test('in English too: "Candidate calling" in Paid services needs the agreement', () => {
    expect(codes(handOffCheck(withOrder({ paidServices: 'Candidate calling' }), undefined, ctx))).toEqual([
      'callingAgreementMissing:paidServices',
    ]);
  });

  test('an Agreed agreement of expected numbers lets a Standard calling-service order go', () => {
    expect(handOffCheck(complete, callingAgreed, ctx)).toEqual([]);
  });

  test('an order without the calling service and on Standard terms needs no agreement', () => {
    expect(handOffCheck(withOrder({ paidServices: 'Подбор резюме' }), undefined, ctx)).toEqual([]);
  });

  test('individual terms still need HR to agree the terms themselves, not only the numbers', () => {
    const individual = withOrder({ terms: 'Индивидуальные' });
    const problems = handOffCheck(individual, callingAgreed, ctx);
    expect(codes(problems)).toEqual(['individualTermsNotAgreed:terms']);
    expect(handOffCheck(individual, { ...callingAgreed, resumesPerSelection: 30 }, ctx)).toEqual([]);
  });

  test('the hand-off e-mail of a calling-service order carries what HR agreed, who agreed and when', () => {
    const rows = handOffEmail(withOrder({ hrSpecialist: 'olga@agency.ru' }), callingAgreed, 'ru', zone).rows;
    expect(value(rows, 'agreement.expectedResumes')).toEqual({ type: 'number', value: 50 });
    expect(value(rows, 'agreement.expectedCalls')).toEqual({ type: 'number', value: 100 });
    expect(value(rows, 'agreement.expectedAgreeing')).toEqual({ type: 'number', value: 12 });
    expect(value(rows, 'agreement.expectedComing')).toEqual({ type: 'number', value: 6 });
    expect(value(rows, 'agreement.risks')).toEqual({ type: 'longtext', text: 'Возврат, если придут меньше 3' });
    // Standard terms: no individual items in the mail.
    expect(value(rows, 'agreement.selectionWeekdays')).toBeUndefined();
    // The agreement names no HR specialist: the request went to the order's; 10:15 UTC is 13:15 in Moscow.
    expect(value(rows, 'agreement.hrSpecialist')).toEqual({ type: 'text', text: 'olga@agency.ru, 26.02.2026 13:15' });
    const answered = handOffEmail(complete, { ...callingAgreed, answeredBy: 'irina@agency.ru' }, 'en', zone).rows;
    expect(value(answered, 'agreement.hrSpecialist')).toEqual({ type: 'text', text: 'irina@agency.ru, 2026-02-26 13:15' });
  });
});

describe('ticking Hand off', () => {
  const hctx = { ...ctx, clientDepartmentEmail: 'clients@agency.ru', locale: 'ru' as const };

  test('a complete order is sent once to the Client department, keyed by the order', () => {
    const decision = decideHandOff(complete, callingAgreed, hctx);
    expect(decision.action).toBe('send');
    if (decision.action !== 'send') return;
    expect(decision.to).toBe('clients@agency.ru');
    expect(decision.key).toBe('handoff:ORD-2026-0001');
    expect(decision.email.subject).toBe('Передача заказа ORD-2026-0001: ООО «Ромашка» — Оператор call-центра');
  });

  test('a second tick after the hand-off sends nothing', () => {
    expect(decideHandOff(withOrder({ handedOffAt: new Date('2026-03-02T08:00:00Z') }), callingAgreed, hctx)).toEqual({
      action: 'none',
      reason: 'alreadyHandedOff',
    });
  });

  test('no tick, nothing to do', () => {
    expect(decideHandOff(withOrder({ handOff: false }), callingAgreed, hctx)).toEqual({ action: 'none', reason: 'notTicked' });
  });

  test('an incomplete order is refused with every missing item', () => {
    const decision = decideHandOff(withOrder({ contactPerson: '', sum: -5 }), callingAgreed, hctx);
    expect(decision.action).toBe('refuse');
    if (decision.action === 'refuse') expect(codes(decision.problems)).toEqual(['required:contactPerson', 'negative:sum']);
  });

  test('without a Client-department e-mail in Settings there is nowhere to send: refused', () => {
    const decision = decideHandOff(complete, callingAgreed, { ...hctx, clientDepartmentEmail: '' });
    expect(decision.action).toBe('refuse');
    if (decision.action === 'refuse') expect(codes(decision.problems)).toEqual(['clientDepartmentEmailMissing:']);
  });
});

describe('Status (a system column, derived)', () => {
  const at = (y: number, m: number, d: number) => ({ zone, today: { year: y, month: m, day: d } });
  const draft = withOrder({ paymentReceived: '', handOff: false, status: '' });

  test('Draft until payment is received', () => {
    expect(deriveStatus(draft, at(2026, 3, 2))).toBe('draft');
  });
  test('Paid once payment is received (not for a date still ahead)', () => {
    expect(deriveStatus(withOrder({ paymentReceived: day(2026, 3, 2) }), at(2026, 3, 2))).toBe('paid');
    expect(deriveStatus(withOrder({ paymentReceived: day(2026, 3, 5) }), at(2026, 3, 2))).toBe('draft');
  });
  test('Handed off once the hand-off is recorded', () => {
    expect(deriveStatus(withOrder({ handedOffAt: new Date('2026-03-02T08:00:00Z') }), at(2026, 3, 2))).toBe('handedOff');
  });
  test('In work once HR has received it', () => {
    const order = withOrder({ handedOffAt: new Date('2026-03-02T08:00:00Z'), hrReceived: new Date('2026-03-02T10:00:00Z') });
    expect(deriveStatus(order, at(2026, 3, 2))).toBe('inWork');
  });
  test('Completed the day after the paid period ends', () => {
    const order = withOrder({ handedOffAt: new Date('2026-03-02T08:00:00Z'), hrReceived: new Date('2026-03-02T10:00:00Z') });
    expect(deriveStatus(order, at(2026, 3, 31))).toBe('inWork');
    expect(deriveStatus(order, at(2026, 4, 1))).toBe('completed');
  });
  test('an order never handed off does not complete by itself', () => {
    expect(deriveStatus(withOrder({}), at(2026, 5, 1))).toBe('paid');
  });
  test('Cancelled, once written by the system, stays', () => {
    const order = withOrder({ status: 'Отменён', handedOffAt: new Date('2026-03-02T08:00:00Z') });
    expect(deriveStatus(order, at(2026, 3, 2))).toBe('cancelled');
  });
  test('whatever else the cell says is recomputed', () => {
    expect(deriveStatus(withOrder({ status: 'Completed' }), at(2026, 3, 2))).toBe('paid');
  });
});

describe('order IDs', () => {
  test('the first order of a year', () => {
    expect(nextOrderId([], 2026)).toBe('ORD-2026-0001');
  });
  test('one more than the highest of the year, ignoring other years and junk', () => {
    const existing = ['ORD-2026-0001', 'ORD-2026-0007', 'ORD-2025-0042', 'черновик', '', 17, 'ORD-2026-0003'];
    expect(nextOrderId(existing, 2026)).toBe('ORD-2026-0008');
    expect(nextOrderId(existing, 2027)).toBe('ORD-2027-0001');
  });
  test('stable: the same rows give the same ID; deleted numbers are not reused', () => {
    const existing = ['ORD-2026-0001', 'ORD-2026-0002'];
    expect(nextOrderId(existing, 2026)).toBe(nextOrderId([...existing], 2026));
    expect(nextOrderId(['ORD-2026-0002'], 2026)).toBe('ORD-2026-0003');
  });
  test('several at once, and past 9999', () => {
    expect(nextIds('ORD', ['ORD-2026-0009'], 2026, 3)).toEqual(['ORD-2026-0010', 'ORD-2026-0011', 'ORD-2026-0012']);
    expect(nextOrderId(['ORD-2026-9999'], 2026)).toBe('ORD-2026-10000');
  });
  test('agreements have their own series', () => {
    expect(nextAgreementId(['ORD-2026-0005', 'AGR-2026-0002'], 2026)).toBe('AGR-2026-0003');
  });
});

describe('the hand-off e-mail holds everything docs/DOMAIN.md §5.3 lists', () => {
  test('request, Fintops, payment and terms, typed for the renderer', () => {
    const order = withOrder({
      paidServices: 'Обзвон соискателей, job sites',
      jobSites: 'hh.ru; superjob.ru',
      bonuses: 'Скидка 10%',
      contractLink: 'https://docs.example.ru/c/1',
      sum: 45000.5,
    });
    const email = handOffEmail(order, undefined, 'ru', zone);
    expect(email.rows.map((r) => r.key)).toEqual([
      'orderId',
      'client',
      'contactPerson',
      'clientEmail',
      'clientPhone',
      'clientLanguage',
      'requestLink',
      'vacancy',
      'vacancyDescription',
      'fintopsCompanyLink',
      'fintopsVacancyLink',
      'publicationPeriod',
      'paidPeriod',
      'paidServices',
      'sum',
      'bonuses',
      'jobSites',
      'paymentReceived',
      'contractLink',
      'salesManager',
      'terms',
    ]);
    const rows = email.rows;
    expect(value(rows, 'clientEmail')).toEqual({ type: 'email', email: 'ivan@romashka.ru' });
    expect(value(rows, 'fintopsCompanyLink')).toEqual({ type: 'url', url: 'https://fintops.example.ru/company/42' });
    expect(value(rows, 'publicationPeriod')).toEqual({
      type: 'period',
      from: { year: 2026, month: 3, day: 2 },
      to: { year: 2026, month: 3, day: 31 },
    });
    expect(value(rows, 'paidServices')).toEqual({ type: 'list', items: ['Обзвон соискателей', 'Размещение на сайтах вакансий'] });
    expect(value(rows, 'jobSites')).toEqual({ type: 'list', items: ['hh.ru', 'superjob.ru'] });
    expect(value(rows, 'sum')).toEqual({ type: 'money', amount: 45000.5 });
    expect(value(rows, 'contractLink')).toEqual({ type: 'url', url: 'https://docs.example.ru/c/1' });
    expect(value(rows, 'fintopsVacancyLink')).toEqual({ type: 'none', text: 'нет (вакансия раньше не была в работе)' });
    expect(value(rows, 'terms')).toEqual({ type: 'text', text: 'Стандартные (Таблица 1)' });
    expect(rows.find((r) => r.key === 'sum')?.label).toBe('Сумма');
    expect(email.sections.map((s) => s.title)).toEqual([
      'Заявка: контактные данные',
      'Заявка: описание вакансии',
      'Вакансия в Fintops и на JOB-сайтах',
      'Оплаченные услуги',
      'Условия работы',
    ]);
  });

  test('without a contract the e-mail says so; job sites appear only when relevant', () => {
    const rows = handOffEmail(complete, undefined, 'en', zone).rows;
    expect(value(rows, 'contractLink')).toEqual({ type: 'none', text: 'no contract' });
    expect(value(rows, 'jobSites')).toBeUndefined();
    expect(value(rows, 'paidServices')).toEqual({ type: 'list', items: ['Candidate calling', 'Resume selection'] });
    expect(rows.find((r) => r.key === 'clientEmail')?.label).toBe('Client e-mail');
  });

  test('individual terms carry what HR agreed', () => {
    const rows = handOffEmail(withOrder({ terms: 'Individual' }), agreed, 'en', zone).rows;
    expect(value(rows, 'terms')).toEqual({ type: 'text', text: 'Individual' });
    expect(value(rows, 'agreement.selectionWeekdays')).toEqual({ type: 'list', items: ['Tue', 'Fri'] });
    expect(value(rows, 'agreement.resumesPerSelection')).toEqual({ type: 'number', value: 30 });
    expect(value(rows, 'agreement.firstSelectionDate')).toEqual({ type: 'date', date: { year: 2026, month: 3, day: 3 } });
    expect(value(rows, 'agreement.callKind')).toEqual({ type: 'text', text: 'Detailed' });
    expect(value(rows, 'agreement.otherPoints')).toEqual({ type: 'longtext', text: 'Анкетирование соискателей' });
    expect(value(rows, 'agreement.hrSpecialist')).toEqual({ type: 'text', text: 'olga@agency.ru' });
  });

  test('values as plain text per locale', () => {
    expect(formatMoney(45000.5, 'ru')).toBe('45\u00a0000,50');
    expect(formatMoney(1234567, 'en')).toBe('1,234,567');
    expect(formatMoney(0, 'ru')).toBe('0');
    expect(formatEmailValue({ type: 'period', from: { year: 2026, month: 3, day: 2 }, to: { year: 2026, month: 3, day: 31 } }, 'ru')).toBe(
      '02.03.2026 – 31.03.2026',
    );
    expect(formatEmailValue({ type: 'date', date: { year: 2026, month: 3, day: 2 } }, 'en')).toBe('2026-03-02');
    expect(formatEmailValue({ type: 'list', items: ['hh.ru', 'superjob.ru'] }, 'en')).toBe('hh.ru, superjob.ru');
    expect(formatEmailValue({ type: 'text', text: '<b>&</b>' }, 'ru')).toBe('<b>&</b>');
  });
});
