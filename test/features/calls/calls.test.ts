import { CallContext, checkCall } from '../../../src/features/calls/rules/calls';
import { candidateIndex, isEmail, orderIndex, splitIds } from '../../../src/features/calls/rules/indexes';
import { reminderOffsets } from '../../../src/features/calls/rules/offsets';
import { defaultSettings } from '../../../src/core/settings';
import { intlZone } from '../../core/zone-fixture';

const moscow = intlZone('Europe/Moscow');
const at = (iso: string) => new Date(iso);
const NOW = Date.parse('2026-03-02T09:00:00Z'); // Monday 12:00 Moscow

const candidates = candidateIndex([
  { candidateId: 'C-1', name: 'Ivan Petrov', email: 'ivan@example.com', orderId: 'ORD-2' },
  { candidateId: 'C-2', name: 'Olga Smirnova', email: 'olga@example.com', orderId: 'ORD-2' },
  { candidateId: 'C-3', name: 'No Mail', email: '', orderId: 'ORD-2' },
]);
const orders = orderIndex([
  { orderId: 'ORD-1', client: 'Acme', contactPerson: 'John Smith', clientEmail: 'john@acme.com', clientLanguage: 'English' },
  { orderId: 'ORD-2', client: 'Ромашка', contactPerson: 'Анна', clientEmail: 'anna@romashka.ru', clientLanguage: 'Русский' },
]);

function ctx(extra: Partial<CallContext> = {}): CallContext {
  return { now: NOW, zone: moscow, locale: 'ru', candidates, orders, offsets: reminderOffsets(defaultSettings()).byType, ...extra };
}

const firstCall = {
  callId: 'CALL-1',
  type: 'Первый звонок',
  orderId: 'ORD-1',
  start: at('2026-03-03T07:00:00Z'), // Tuesday 10:00 Moscow
  duration: '',
  clientEmail: 'John@Acme.com',
  candidateIds: '',
  hiredEmployeeEmail: '',
  teamLeadEmail: '',
  managerEmail: 'boss@agency.ru',
  status: 'Запланирован',
  eventId: '',
};

describe('a First call row becomes a calendar event', () => {
  test('title from type and client, guests client + manager, 30 min by default, 15-min reminder, callId kept privately', () => {
    const r = checkCall(firstCall, ctx());
    expect(r.problems).toEqual([]);
    expect(r.status).toBe('scheduled');
    // The title is in the client's language (the order says English), for the guests read it.
    expect(r.event).toMatchObject({
      title: 'First call — Acme',
      start: Date.parse('2026-03-03T07:00:00Z'),
      end: Date.parse('2026-03-03T07:30:00Z'),
      guests: ['john@acme.com', 'boss@agency.ru'],
      reminderMinutes: [15],
      extendedProperties: { private: { callId: 'CALL-1' } },
    });
    expect(r.call).toMatchObject({ type: 'first', clientName: 'Acme', contactPerson: 'John Smith', language: 'en' });
  });

  test('the staff notes state the purpose and carry the First-call comment template, in the workbook locale', () => {
    const notes = checkCall(firstCall, ctx()).event!.notes;
    expect(notes.title).toBe('Для сотрудников: Первый звонок — Acme');
    expect(notes.description).toContain('Первый звонок: знакомимся с клиентом');
    expect(notes.description).toContain('Заказ: ORD-1');
    expect(notes.description).toContain('Company Name: \nCompany Website: ');
    expect(notes.description).toContain('Next Contact Date: \nSM: ');
  });

  test('an English workbook gets English staff notes; the guests read the client language either way', () => {
    const r = checkCall({ ...firstCall, type: 'First call' }, ctx({ locale: 'en' }));
    expect(r.event!.title).toBe('First call — Acme');
    expect(r.event!.notes.description).toContain('First call: meet the client');
    const ru = checkCall({ ...firstCall, orderId: 'ORD-2', clientEmail: 'anna@romashka.ru' }, ctx({ locale: 'en' }));
    expect(ru.event!.title).toBe('Первый звонок — Ромашка');
    expect(ru.event!.description).toContain('Знакомство: расскажем о нашей компании');
  });

  test('a First call needs the client e-mail', () => {
    const r = checkCall({ ...firstCall, clientEmail: '' }, ctx());
    expect(r.event).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['callFieldRequired']);
    expect(r.problems[0].ru).toBe('Для звонка «Первый звонок» заполните «E-mail клиента».');
    expect(r.problems[0].en).toBe('First call: fill in "Client e-mail".');
  });

  test('every call needs the manager e-mail', () => {
    const r = checkCall({ ...firstCall, managerEmail: '' }, ctx());
    expect(r.problems[0].en).toContain('"Manager e-mail"');
    expect(r.event).toBeNull();
  });

  test('the duration is a positive whole number of minutes', () => {
    expect(checkCall({ ...firstCall, duration: 45 }, ctx()).event!.end).toBe(Date.parse('2026-03-03T07:45:00Z'));
    for (const duration of [0, -10, 12.5, 'полчаса']) {
      const r = checkCall({ ...firstCall, duration }, ctx());
      expect(r.problems.map((p) => p.code)).toEqual(['callDurationInvalid']);
      expect(r.event).toBeNull();
    }
  });
});

describe('bad input gets a Problems message and never stops the other rows', () => {
  test('a malformed e-mail is named with its column', () => {
    const r = checkCall({ ...firstCall, clientEmail: 'john@acme' }, ctx());
    expect(r.problems.map((p) => p.code)).toEqual(['emailInvalid']);
    expect(r.problems[0].ru).toBe('«E-mail клиента»: «john@acme» — не адрес e-mail.');
  });

  test('a date typed as text is not a date', () => {
    const r = checkCall({ ...firstCall, start: '03.03.2026 10:00' }, ctx());
    expect(r.problems.map((p) => p.code)).toEqual(['callStartText']);
    expect(r.problems[0].en).toContain('"03.03.2026 10:00" was typed as text');
    expect(r.event).toBeNull();
  });

  test('an empty start is reported', () => {
    expect(checkCall({ ...firstCall, start: '' }, ctx()).problems.map((p) => p.code)).toEqual(['callStartMissing']);
  });

  test('a new call with a start in the past is flagged, in the zone, but still planned', () => {
    const r = checkCall({ ...firstCall, start: at('2026-03-01T07:00:00Z') }, ctx());
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['callStartInPast', 'warning']]);
    expect(r.problems[0].ru).toContain('01.03.2026 10:00');
    expect(r.event).not.toBeNull();
  });

  test('a planned call whose start has merely passed is not flagged; one moved into the past is', () => {
    const row = { ...firstCall, start: at('2026-03-01T07:00:00Z'), eventId: 'ev1' };
    expect(checkCall(row, ctx({ previousStart: Date.parse('2026-03-01T07:00:00Z') })).problems).toEqual([]);
    expect(checkCall(row, ctx({ previousStart: Date.parse('2026-03-05T07:00:00Z') })).problems.map((p) => p.code)).toEqual(['callStartInPast']);
  });

  test('an unknown candidate ID is named', () => {
    const r = checkCall({ ...firstCall, type: 'Interview', orderId: 'ORD-2', clientEmail: '', candidateIds: 'C-1, C-99' }, ctx());
    expect(r.problems.map((p) => p.code)).toEqual(['candidateUnknown']);
    expect(r.problems[0].en).toBe('Candidate ID "C-99" is not on the Candidates tab.');
    expect(r.event).toBeNull();
  });

  test('30 guests is too many for one call', () => {
    const many = Array.from({ length: 28 }, (_, i) => ({ candidateId: `K-${i}`, name: `K ${i}`, email: `k${i}@example.com`, orderId: 'ORD-1' }));
    const r = checkCall(
      { ...firstCall, type: 'Interview', candidateIds: many.map((c) => c.candidateId).join(', ') },
      ctx({ candidates: candidateIndex(many) }),
    );
    expect(r.problems.map((p) => p.code)).toEqual(['guestsTooMany']);
    expect(r.problems[0].en).toBe('30 guests, at most 20 are allowed: check the candidate list.');
    expect(r.event).toBeNull();
  });

  test('an unknown type or status is reported', () => {
    expect(checkCall({ ...firstCall, type: 'Coffee' }, ctx()).problems.map((p) => p.code)).toEqual(['callTypeUnknown']);
    expect(checkCall({ ...firstCall, type: '' }, ctx()).problems.map((p) => p.code)).toEqual(['callTypeMissing']);
    expect(checkCall({ ...firstCall, status: 'Maybe' }, ctx()).problems.map((p) => p.code)).toEqual(['callStatusUnknown']);
  });

  test('strange cell values give problems, not exceptions, and each row is judged alone', () => {
    const rows: Record<string, unknown>[] = [
      { ...firstCall, clientEmail: 42, start: true },
      { ...firstCall, candidateIds: null, type: 7, managerEmail: 'a b@c.d' },
      {},
      firstCall,
    ];
    const results = rows.map((row) => checkCall(row, ctx()));
    expect(results.slice(0, 3).every((r) => r.problems.length > 0 && r.event === null)).toBe(true);
    expect(results[3].problems).toEqual([]);
    expect(results[3].event).not.toBeNull();
  });

  test('a cancelled row is not checked: it only cancels', () => {
    const r = checkCall({ ...firstCall, status: 'Отменён', clientEmail: 'broken' }, ctx());
    expect(r).toEqual({ status: 'cancelled', problems: [], call: null, event: null });
  });
});

describe('Interview, Repeat and Introductory calls', () => {
  const interview = { ...firstCall, type: 'Интервью', clientEmail: '', candidateIds: 'c-1; C-2', orderId: 'ORD-2' };

  test('an Interview invites its candidates and the manager and reminds at 20 min', () => {
    const r = checkCall(interview, ctx());
    expect(r.problems).toEqual([]);
    expect(r.event!.guests).toEqual(['ivan@example.com', 'olga@example.com', 'boss@agency.ru']);
    expect(r.event!.reminderMinutes).toEqual([20]);
    expect(r.event!.title).toBe('Интервью — Ромашка');
    expect(r.call!.candidates.map((c) => c.id)).toEqual(['C-1', 'C-2']);
    expect(r.call!.language).toBe('ru');
  });

  test('the Interview staff notes list the candidates in the comment template', () => {
    const d = checkCall(interview, ctx()).event!.notes.description;
    expect(d).toContain('Кандидаты: Ivan Petrov (C-1), Olga Smirnova (C-2)');
    expect(d).toContain('Today we interviewed:\nIvan Petrov (C-1) – \nOlga Smirnova (C-2) – \nInterview results:\nSM: ');
  });

  test('an Interview needs candidate IDs', () => {
    const r = checkCall({ ...interview, candidateIds: '' }, ctx({ locale: 'en' }));
    expect(r.problems[0].en).toBe('Interview: fill in "Candidate IDs".');
  });

  test('a candidate without e-mail is a warning: the call goes on without inviting them', () => {
    const r = checkCall({ ...interview, candidateIds: 'C-1, C-3' }, ctx());
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['candidateNoEmail', 'warning']]);
    expect(r.event!.guests).toEqual(['ivan@example.com', 'boss@agency.ru']);
  });

  test('a Repeat call reminds 1 day and 20 min before', () => {
    const r = checkCall({ ...interview, type: 'Repeat call' }, ctx());
    expect(r.event!.reminderMinutes).toEqual([20, 1440]);
  });

  test('an Introductory call needs the hired employee and the team lead and invites the client too', () => {
    const intro = { ...firstCall, type: 'Вводный звонок', hiredEmployeeEmail: '', teamLeadEmail: '' };
    expect(checkCall(intro, ctx()).problems.map((p) => p.params.field)).toEqual([
      { ru: 'E-mail нанятого сотрудника', en: 'Hired employee e-mail' },
      { ru: 'E-mail тимлида', en: 'Team lead e-mail' },
    ]);
    const ok = checkCall({ ...intro, hiredEmployeeEmail: 'dev@agency.ru', teamLeadEmail: 'lead@agency.ru' }, ctx());
    expect(ok.event!.guests).toEqual(['john@acme.com', 'dev@agency.ru', 'lead@agency.ru', 'boss@agency.ru']);
    expect(ok.event!.reminderMinutes).toEqual([20, 1440]);
    expect(ok.event!.notes.description).toContain('Messenger: ');
  });

  test('an order missing from Orders is a warning; the call is planned under its e-mail', () => {
    const r = checkCall({ ...firstCall, orderId: 'ORD-404' }, ctx());
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['orderUnknown', 'warning']]);
    // Guests never read an address in the title; the staff notes name the client by it.
    expect(r.event!.title).toBe('Первый звонок — ORD-404');
    expect(r.event!.notes.title).toBe('Для сотрудников: Первый звонок — john@acme.com');
  });
});

describe('helpers', () => {
  test('e-mail syntax', () => {
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.org', "o'neil@x.ie"]) expect(isEmail(ok)).toBe(true);
    for (const bad of ['', 'a@b', 'a b@c.de', 'a@@b.de', 'a@b..de', 'a@b.c', 'a@b.com, c@d.com', '<a@b.de>']) expect(isEmail(bad)).toBe(false);
  });

  test('candidate IDs split on commas, semicolons and line breaks, once each', () => {
    expect(splitIds('C-1, C-2;C-3\nc-1')).toEqual(['C-1', 'C-2', 'C-3']);
    expect(splitIds(123)).toEqual(['123']);
    expect(splitIds('')).toEqual([]);
  });
});
