/**
 * Issue 12 in the pure core: what guests read versus what stays with staff, names and
 * cities in every text, the client and candidates checked against the order, guests'
 * answers, and interviews booked in Calling results.
 */
import { CallContext, checkCall, PlannedCall } from '../../src/features/calls/rules/calls';
import { candidateIndex, orderIndex } from '../../src/features/calls/rules/indexes';
import { answersOf, answersText, declinesOf, parseAnswers } from '../../src/features/calls/rules/answers';
import { bookedInterviews } from '../../src/features/calls/rules/booked';
import { validateOrder } from '../../src/features/orders/rules/orders';
import { reminderOffsets } from '../../src/features/calls/rules/offsets';
import { defaultSettings } from '../../src/core/settings';
import { DEFAULT_TEMPLATES, render, tidyGreeting } from '../../src/core/templates';
import { isZoneId, zonePhrase } from '../../src/core/zones';
import { intlZone } from './zone-fixture';

const moscow = intlZone('Europe/Moscow');
const NOW = Date.parse('2026-03-02T09:00:00Z');
const START = new Date('2026-03-03T07:00:00Z'); // Tuesday 10:00 Moscow

const candidates = candidateIndex([
  { candidateId: 'C-1', name: 'Мария Смирнова', email: 'maria@example.com', orderId: 'ORD-1' },
  { candidateId: 'C-2', name: 'Олег Петров', email: 'oleg@example.com', orderId: 'ORD-1' },
  { candidateId: 'C-9', name: 'Чужой', email: 'other@example.com', orderId: 'ORD-2' },
  { candidateId: 'C-0', name: 'Без заказа', email: 'none@example.com' },
]);
const orders = orderIndex([
  {
    orderId: 'ORD-1',
    client: 'ООО «Ромашка»',
    contactPerson: 'Пётр Иванов',
    clientEmail: 'petr@romashka.ru',
    otherContacts: 'hr@romashka.ru; ceo@romashka.ru',
    clientLanguage: 'Русский',
  },
  {
    orderId: 'ORD-2',
    client: 'Acme',
    contactPerson: 'John Smith',
    clientEmail: 'john@acme.com',
    clientLanguage: 'English',
    clientTimeZone: 'America/New_York',
  },
]);
const staffNames = new Map([
  ['boss@agency.ru', 'Борис'],
  ['lena@agency.ru', 'Лена'],
]);

function ctx(extra: Partial<CallContext> = {}): CallContext {
  return { now: NOW, zone: moscow, locale: 'ru', candidates, orders, staffNames, offsets: reminderOffsets(defaultSettings()).byType, ...extra };
}

const base = { callId: 'CALL-1', orderId: 'ORD-1', start: START, duration: '', managerEmail: 'boss@agency.ru', status: 'Запланирован' };
const ROWS: Record<string, Record<string, unknown>> = {
  first: { ...base, type: 'Первый звонок', clientEmail: 'petr@romashka.ru' },
  interview: { ...base, type: 'Интервью', clientEmail: 'petr@romashka.ru', candidateIds: 'C-1, C-2' },
  repeat: { ...base, type: 'Повторный звонок', candidateIds: 'C-2' },
  intro: {
    ...base,
    type: 'Вводный звонок',
    clientEmail: 'petr@romashka.ru',
    hiredEmployeeEmail: 'maria@example.com',
    hiredEmployeeName: 'Мария',
    teamLeadEmail: 'lena@agency.ru',
  },
};

/** Texts only staff may read: instructions, the comment template, the internal purpose. */
const INTERNAL = [
  'После звонка',
  'по образцу',
  'Today we interviewed',
  'Company Name',
  'Next Contact Date',
  'Messenger:',
  'уточняем у клиента',
  'Заказ:',
  'Кандидаты:',
  'SM:',
  'CALL-1',
];

describe('two audiences: the guests read only what is meant for them', () => {
  test.each(Object.keys(ROWS))(
    '%s: the guest description has purpose, time with its city, how to join, who joins and how to reschedule — and nothing internal',
    (type) => {
      const r = checkCall(ROWS[type], ctx());
      expect(r.problems).toEqual([]);
      const d = r.event!.description;
      expect(d).toContain('Когда: 03.03.2026 10:00–10:30 по московскому времени');
      expect(d).toContain('Видеовстреча: Google Meet (ссылка появится в этом событии).');
      expect(d).toContain('С нашей стороны: Борис');
      expect(d).toContain('Чтобы перенести или отменить встречу, ответьте отправителю этого приглашения.');
      for (const text of INTERNAL) expect(d).not.toContain(text);
      for (const c of candidates.values()) {
        expect(d).not.toContain(c.email);
        expect(d).not.toContain(c.name);
      }
      // The staff side keeps what the guests do not see.
      const notes = r.event!.notes.description;
      expect(notes).toContain('Только для сотрудников');
      expect(notes).toContain('Заказ: ORD-1');
      if (type !== 'repeat') expect(notes).toContain('После звонка: статус «Проведён»');
    },
  );

  test('the Meet link once Calendar made it, or the link typed on the row, is in the description', () => {
    const meet = checkCall(ROWS.interview, ctx({ meetLink: 'https://meet.google.com/abc-defg-hij' })).event!;
    expect(meet.description).toContain('Видеовстреча: https://meet.google.com/abc-defg-hij');
    expect(meet.conference).toEqual({ kind: 'meet' });
    const zoom = checkCall(
      { ...ROWS.interview, meetingLink: 'https://zoom.us/j/123' },
      ctx({ meetLink: 'https://meet.google.com/abc-defg-hij' }),
    ).event!;
    expect(zoom.description).toContain('Видеовстреча: https://zoom.us/j/123');
    expect(zoom.description).not.toContain('meet.google.com');
    expect(zoom.conference).toEqual({ kind: 'link', url: 'https://zoom.us/j/123' });
    expect(checkCall({ ...ROWS.interview, meetingLink: 'zoom.us/j/123' }, ctx()).problems.map((p) => p.code)).toEqual(['meetingLinkInvalid']);
  });

  test('guests cannot see each other when a candidate or anyone outside Staff is a guest', () => {
    expect(checkCall(ROWS.interview, ctx()).event!.guestsCanSeeOtherGuests).toBe(false);
    expect(checkCall(ROWS.first, ctx()).event!.guestsCanSeeOtherGuests).toBe(false);
    const staffOnly = checkCall(
      { ...ROWS.intro, clientEmail: '', hiredEmployeeEmail: 'lena@agency.ru', teamLeadEmail: 'boss@agency.ru' },
      ctx(),
    );
    expect(staffOnly.event!.guestsCanSeeOtherGuests).toBe(true);
    // Without the Staff tab nobody is known to be staff: hidden.
    expect(checkCall(ROWS.intro, ctx({ staffNames: undefined })).event!.guestsCanSeeOtherGuests).toBe(false);
  });

  test('names: the team lead from Staff, the hired employee from the Calls column, the manager from Staff; the team lead joins from our side', () => {
    const r = checkCall(ROWS.intro, ctx());
    expect(r.call).toMatchObject({ hiredEmployeeName: 'Мария', teamLeadName: 'Лена', managerName: 'Борис' });
    expect(r.event!.description).toContain('С нашей стороны: Борис, Лена (тимлид)');
    // Staff wins over a name typed in the row.
    expect(checkCall({ ...ROWS.intro, teamLeadName: 'Елена' }, ctx()).call!.teamLeadName).toBe('Лена');
  });
});

describe('the call belongs to its order', () => {
  test('a client e-mail that is neither the order’s client e-mail nor one of its other contacts is an error', () => {
    const r = checkCall({ ...ROWS.first, clientEmail: 'john@acme.com' }, ctx());
    expect(r.problems.map((p) => p.code)).toEqual(['clientEmailNotOnOrder']);
    expect(r.problems[0].ru).toBe(
      'E-mail клиента «john@acme.com» не указан в заказе ORD-1 («E-mail клиента» или «Другие e-mail клиента»): клиенту ничего не отправляется, пока это не исправлено.',
    );
    expect(r.call).toBeNull();
    expect(checkCall({ ...ROWS.first, clientEmail: 'HR@romashka.ru' }, ctx()).problems).toEqual([]);
  });

  test('a candidate of another order, or of none, is an error', () => {
    const r = checkCall({ ...ROWS.interview, candidateIds: 'C-1, C-9, C-0' }, ctx());
    expect(r.problems.map((p) => p.code)).toEqual(['candidateOtherOrder', 'candidateNoOrder']);
    expect(r.problems[0].en).toBe('Candidate Чужой (C-9) belongs to order "ORD-2", not ORD-1.');
    expect(r.call).toBeNull();
  });

  test('the client’s own zone comes from the order; one that is not a zone is a warning', () => {
    const r = checkCall({ ...ROWS.first, orderId: 'ORD-2', clientEmail: 'john@acme.com' }, ctx());
    expect(r.call!.clientZoneId).toBe('America/New_York');
    const bad = orderIndex([{ orderId: 'ORD-1', client: 'X', clientEmail: 'petr@romashka.ru', clientTimeZone: 'Moscow+3' }]);
    expect(checkCall(ROWS.first, ctx({ orders: bad })).problems.map((p) => [p.code, p.severity])).toEqual([['zoneUnknown', 'warning']]);
  });
});

describe('cities, not zone ids; greetings without a name', () => {
  test('zone phrases', () => {
    expect(zonePhrase('Europe/Moscow', 'ru')).toBe('по московскому времени');
    expect(zonePhrase('Europe/Moscow', 'en')).toBe('Moscow time');
    expect(zonePhrase('America/New_York', 'ru')).toBe('по нью-йоркскому времени');
    expect(zonePhrase('America/Argentina/Buenos_Aires', 'en')).toBe('Buenos Aires time');
    expect(zonePhrase('Asia/Kolkata', 'ru')).toBe('по времени Колкаты');
    expect(zonePhrase('UTC', 'en')).toBe('UTC');
    expect(isZoneId('Europe/Moscow')).toBe(true);
    expect(isZoneId('Moscow+3')).toBe(false);
  });

  test.each(['reminder.firstCall', 'reminder.interview', 'reminder.repeatCall', 'reminder.introCall', 'report.calling', 'sales.offer'] as const)(
    '%s with no name greets without one in both languages',
    (key) => {
      for (const lang of ['ru', 'en'] as const) {
        const values: Record<string, string> = { contactPerson: '', recipientName: '', client: 'X', senderName: 'S' };
        const out = render({ key, ...DEFAULT_TEMPLATES[key][lang] }, values, lang);
        for (const text of [out.text, out.html]) {
          expect(text).not.toMatch(/Здравствуйте,\s*!/);
          expect(text).not.toMatch(/Hello\s+,/);
        }
        expect(out.text).toMatch(lang === 'ru' ? /^Здравствуйте!/ : /^Hello,/);
      }
    },
  );

  test('tidyGreeting keeps a greeting with a name as it is', () => {
    expect(tidyGreeting('Здравствуйте, Пётр!')).toBe('Здравствуйте, Пётр!');
    expect(tidyGreeting('Здравствуйте, !\nТекст')).toBe('Здравствуйте!\nТекст');
    expect(tidyGreeting('Hello ,\nText')).toBe('Hello,\nText');
  });
});

describe("guests' answers", () => {
  const call = checkCall(ROWS.interview, ctx()).call as PlannedCall;

  test('one line per guest by name; unknown statuses read as no answer', () => {
    const answers = answersOf([
      { email: 'Petr@Romashka.ru', responseStatus: 'accepted' },
      { email: 'maria@example.com', responseStatus: 'declined' },
      { email: 'oleg@example.com', responseStatus: 'weird' },
    ]);
    expect(answersText(call, answers, 'ru')).toBe('Пётр Иванов — придёт\nМария Смирнова — отказ\nОлег Петров — нет ответа');
    expect(parseAnswers(JSON.stringify(answers))).toEqual(answers);
    expect(parseAnswers('not json')).toEqual({});
  });

  test('the client declining, or every candidate, is a decline; one candidate of two is not', () => {
    expect(declinesOf(call, { 'petr@romashka.ru': 'declined' })).toMatchObject({ client: true, candidates: false, who: ['Пётр Иванов'] });
    expect(declinesOf(call, { 'maria@example.com': 'declined', 'oleg@example.com': 'accepted' })).toMatchObject({
      client: false,
      candidates: false,
    });
    expect(declinesOf(call, { 'maria@example.com': 'declined', 'oleg@example.com': 'declined' })).toMatchObject({
      client: false,
      candidates: true,
    });
  });
});

describe('interviews booked in Calling results', () => {
  const at = new Date('2026-03-04T08:00:00Z');
  const rows = [
    { orderId: 'ORD-1', candidateId: 'C-1', outcome: 'Назначено интервью', interviewAt: at, recordedBy: 'irina@agency.ru' },
    { orderId: 'ORD-1', candidateId: 'C-2', outcome: 'Interview booked', interviewAt: at },
    { orderId: 'ORD-1', candidateId: 'C-2', outcome: 'Отказ', interviewAt: '' },
    { orderId: 'ORD-1', candidateId: 'C-0', outcome: 'Назначено интервью', interviewAt: '' },
  ];

  test('each booking that stands becomes an Interview of that candidate at that time; a later row replaces it', () => {
    const calls = bookedInterviews(rows, { candidates, orders, locale: 'ru', covered: () => false });
    expect(calls.map((c) => [c.callId, c.type, c.start, c.candidates.map((x) => x.id), c.managerEmail, c.clientName])).toEqual([
      ['BOOKED:ORD-1:C-1', 'interview', at.getTime(), ['C-1'], 'irina@agency.ru', 'ООО «Ромашка»'],
    ]);
  });

  test('a Calls row that already invites the candidate then is not reminded twice', () => {
    expect(bookedInterviews(rows, { candidates, orders, locale: 'ru', covered: (email) => email === 'maria@example.com' })).toEqual([]);
  });
});

describe('the order lists the client’s other contacts', () => {
  test('each address of "Other contact e-mails" is checked', () => {
    const problems = validateOrder(
      { client: 'X', otherContacts: 'hr@x.ru, not-an-address' },
      { zone: moscow, today: { year: 2026, month: 3, day: 2 } },
    );
    expect(problems.map((p) => p.en)).toEqual([expect.stringContaining('not-an-address')]);
    expect(
      validateOrder({ client: 'X', otherContacts: 'hr@x.ru; ceo@x.ru' }, { zone: moscow, today: { year: 2026, month: 3, day: 2 } }),
    ).toEqual([]);
  });
});
