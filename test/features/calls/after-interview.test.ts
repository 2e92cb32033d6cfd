/** Seed 003, after the Interview and the Repeat call: the pure rules (rules/after-interview.ts). */
import {
  afterInterviewSteps,
  callRowOf,
  CallRow,
  candidateOutcomes,
  clientFeedback,
  commentType,
  repeatKindOf,
  StepInput,
} from '../../../src/features/calls/rules/after-interview';
import { checkComment } from '../../../src/features/calls/rules/comments';

const ALICE = { id: 'C-1', name: 'Alice Brown', email: 'alice@example.com' };
const BOB = { id: 'C-2', name: 'Bob Green', email: 'bob@example.com' };
const H = 3600 * 1000;
const T0 = Date.UTC(2026, 10, 25, 10);

const interview: CallRow = {
  callId: 'CALL-2026-0001',
  type: 'interview',
  status: 'done',
  start: T0,
  orderId: 'ORD-2026-0001',
  candidateIds: ['C-1', 'C-2'],
  hiredEmployeeEmail: '',
};

function input(over: Partial<StepInput> = {}): StepInput {
  return {
    call: interview,
    candidates: [ALICE, BOB],
    commentOk: true,
    feedback: new Map([
      ['C-1', 'liked'],
      ['C-2', 'too junior'],
    ]),
    hiredTicked: false,
    hired: null,
    askedFor: '',
    clientEmail: 'john@acme.example',
    askedMail: 'none',
    contractMail: 'none',
    calls: [interview],
    ...over,
  };
}

const open = (s: ReturnType<typeof afterInterviewSteps>) => s.filter((x) => !x.ok).map((x) => x.key);

describe("the client's feedback on each candidate is read from Interview results", () => {
  const comment = (results: string) =>
    `Today we interviewed:\nAlice Brown (C-1) – 5 years of SQL\nBob Green (C-2) – student\nInterview results: ${results}\nSM: Anna`;

  test('a line "Name (ID) – text" or "ID – text" is that candidate\'s', () => {
    const f = clientFeedback(comment('\nAlice Brown (C-1) – the client liked her English\nC-2: too junior for the team'), [ALICE, BOB]);
    expect(f.get('C-1')).toBe('the client liked her English');
    expect(f.get('C-2')).toBe('too junior for the team');
  });

  test('otherwise the lines that name the candidate (ID, full or first name, any case, Cyrillic too) are theirs; the summary part is not feedback', () => {
    const f = clientFeedback(comment('alice is hired.\nNobody else fits.'), [ALICE, BOB]);
    expect(f.get('C-1')).toBe('alice is hired.');
    expect(f.has('C-2')).toBe(false);
    const olga = { id: 'К-1', name: 'Ольга Петрова' };
    const ru = clientFeedback('Сегодня собеседовали:\nОльга Петрова (К-1) – опыт\nРезультаты интервью:\nОльга понравилась клиенту\nSM: Анна', [
      olga,
    ]);
    expect(ru.get('К-1')).toBe('Ольга понравилась клиенту');
    // "Alicent" is not Alice.
    expect(clientFeedback(comment('Alicent was late'), [ALICE]).has('C-1')).toBe(false);
  });

  test('a candidate with a line of their own does not also get the lines that merely name them', () => {
    const f = clientFeedback(comment('\nC-1 – strong\nAlice and Bob both late'), [ALICE, BOB]);
    expect(f.get('C-1')).toBe('strong');
    expect(f.get('C-2')).toBe('Alice and Bob both late');
  });
});

describe('after an interview: the steps and their Problems lines', () => {
  test('nothing before the call is Done with a comment that fits the template', () => {
    expect(afterInterviewSteps(input({ call: { ...interview, status: 'scheduled' } }))).toEqual([]);
    expect(afterInterviewSteps(input({ commentOk: false }))).toEqual([]);
  });

  test("every candidate needs the client's feedback", () => {
    const steps = afterInterviewSteps(input({ feedback: new Map([['C-1', 'liked']]) }));
    const feedback = steps.find((s) => s.key === 'feedback')!;
    expect(feedback.ok).toBe(false);
    expect(feedback.problem!.en).toBe(
      'No client feedback on Bob Green (C-2) in "Interview results" (a line "Bob Green (C-2) – …"): it goes to Candidates.',
    );
    expect(feedback.problem!.severity).toBe('warning');
  });

  test('after a hired interview the client gets the contract and an introductory call is due', () => {
    const hired = { ...ALICE };
    let steps = afterInterviewSteps(input({ hiredTicked: true, hired }));
    expect(open(steps)).toEqual(['contract', 'intro']);
    expect(steps.find((s) => s.key === 'contract')!.problem!.en).toBe(
      'The contract for signing has not gone to the client yet (Alice Brown, C-1): waiting to be sent.',
    );
    steps = afterInterviewSteps(input({ hiredTicked: true, hired, contractMail: 'sent' }));
    expect(open(steps)).toEqual(['intro']);
    expect(steps.find((s) => s.key === 'intro')!.problem!.en).toContain('Alice Brown (C-1) is hired: schedule the Introductory call');
    // An Introductory call naming her ID, or her e-mail as the hired employee, closes it; a cancelled one does not.
    const intro: CallRow = { ...interview, callId: 'CALL-2026-0002', type: 'intro', status: 'scheduled', candidateIds: [], start: T0 + 48 * H };
    const calls = (c: CallRow) => [interview, c];
    expect(
      open(afterInterviewSteps(input({ hiredTicked: true, hired, contractMail: 'sent', calls: calls({ ...intro, candidateIds: ['c-1'] }) }))),
    ).toEqual([]);
    expect(
      open(
        afterInterviewSteps(
          input({ hiredTicked: true, hired, contractMail: 'sent', calls: calls({ ...intro, hiredEmployeeEmail: 'Alice@Example.com' }) }),
        ),
      ),
    ).toEqual([]);
    expect(
      open(
        afterInterviewSteps(
          input({ hiredTicked: true, hired, contractMail: 'sent', calls: calls({ ...intro, candidateIds: ['C-1'], status: 'cancelled' }) }),
        ),
      ),
    ).toEqual(['intro']);
    // An Introductory call of another order is not hers.
    expect(
      open(
        afterInterviewSteps(
          input({ hiredTicked: true, hired, contractMail: 'sent', calls: calls({ ...intro, candidateIds: ['C-1'], orderId: 'ORD-2026-0009' }) }),
        ),
      ),
    ).toEqual(['intro']);
    // No client address: the contract step says so.
    expect(afterInterviewSteps(input({ hiredTicked: true, hired, clientEmail: '' })).find((s) => s.key === 'contract')!.problem!.en).toContain(
      'there is no one to send the contract to',
    );
  });

  test('when nobody is chosen a follow-up must be scheduled: a later call of the order closes it', () => {
    let steps = afterInterviewSteps(input());
    expect(open(steps)).toEqual(['followUp']);
    expect(steps.find((s) => s.key === 'followUp')!.problem!.en).toBe(
      'Nobody hired: offer the client new candidates and schedule the next meeting — a new call of order ORD-2026-0001 after this one.',
    );
    const next: CallRow = { ...interview, callId: 'CALL-2026-0003', status: 'scheduled', start: T0 + 72 * H, candidateIds: ['C-3'] };
    expect(open(afterInterviewSteps(input({ calls: [interview, next] })))).toEqual([]);
    // An earlier call, a cancelled one, or one of another order is not a follow-up.
    expect(open(afterInterviewSteps(input({ calls: [interview, { ...next, start: T0 - H }] })))).toEqual(['followUp']);
    expect(open(afterInterviewSteps(input({ calls: [interview, { ...next, status: 'cancelled' }] })))).toEqual(['followUp']);
    expect(open(afterInterviewSteps(input({ calls: [interview, { ...next, orderId: 'ORD-2026-0002' }] })))).toEqual(['followUp']);
    // Hired ticked (even while its fields are incomplete) is a choice: no follow-up is asked.
    steps = afterInterviewSteps(input({ hiredTicked: true }));
    expect(steps.map((s) => s.key)).toEqual(['feedback']);
  });

  test('the client gets what they asked for: a step while "Client asked for" is filled and not sent', () => {
    expect(afterInterviewSteps(input()).some((s) => s.key === 'asked')).toBe(false);
    const steps = afterInterviewSteps(input({ askedFor: 'portfolios', askedMail: 'failed' }));
    expect(steps.find((s) => s.key === 'asked')!.problem!.en).toBe(
      'What the client asked for ("Client asked for") has not gone to the client yet: the send failed — see the Outbox.',
    );
    expect(afterInterviewSteps(input({ askedFor: 'portfolios', askedMail: 'sent' })).find((s) => s.key === 'asked')!.ok).toBe(true);
  });
});

describe('a repeat interview needs an interview comment, a clarifying call a summary', () => {
  const interviewComment = 'Today we interviewed:\nAlice Brown (C-1) – better this time\nInterview results: C-1 – hired\nSM: Anna';

  test('the kind typed on the row decides; empty, the Interview header tells a repeat interview', () => {
    expect(repeatKindOf('Repeat interview', '')).toEqual({ kind: 'interview', typed: true });
    expect(repeatKindOf('Уточняющий звонок', interviewComment)).toEqual({ kind: 'clarifying', typed: true });
    expect(repeatKindOf('', interviewComment)).toEqual({ kind: 'interview', typed: false });
    expect(repeatKindOf('', 'Agreed the start date.')).toEqual({ kind: 'clarifying', typed: false });
    expect(commentType('interview', {})).toBe('interview');
    expect(commentType('first', { repeatKind: 'Repeat interview' })).toBe('first');
  });

  test('a repeat interview with a free-text comment fails the Interview template; a clarifying call passes with a summary, not with nothing', () => {
    const type = commentType('repeat', { repeatKind: 'Repeat interview', comment: 'went fine' });
    expect(type).toBe('interview');
    expect(checkComment(type, 'went fine', [ALICE]).problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['interviewHeaderMissing', 'interviewResultsMissing']),
    );
    expect(checkComment(type, interviewComment, [ALICE]).problems).toEqual([]);
    const clarifying = commentType('repeat', { repeatKind: 'Clarifying call' });
    expect(clarifying).toBe('repeat');
    expect(checkComment(clarifying, 'Agreed the start date.', [ALICE]).problems).toEqual([]);
    expect(checkComment(clarifying, '   ', [ALICE]).problems.map((p) => p.code)).toEqual(['commentEmpty']);
  });
});

describe('what lands on Candidates', () => {
  test('the latest call with feedback wins; the hire comes from the call that hired', () => {
    const start = new Date(Date.UTC(2026, 11, 1));
    const out = candidateOutcomes([
      { callId: 'CALL-2', start: T0 + 24 * H, feedback: new Map([['C-1', 'better now']]), hire: null },
      {
        callId: 'CALL-1',
        start: T0,
        feedback: new Map([
          ['C-1', 'shy'],
          ['C-2', 'no'],
        ]),
        hire: { candidateId: 'c-1', startDate: start, price: 1500, contractLink: 'https://docs.example/c/1' },
      },
    ]);
    expect(out.get('C-1')).toEqual({
      clientFeedback: 'CALL-2: better now',
      hireStartDate: start,
      price: 1500,
      contractLink: 'https://docs.example/c/1',
      hiredOnCall: 'CALL-1',
    });
    expect(out.get('C-2')!.clientFeedback).toBe('CALL-1: no');
    expect(out.get('C-2')!.hiredOnCall).toBe('');
  });

  test('a Calls record reads as a row for the steps', () => {
    const d = new Date(T0);
    expect(callRowOf({ callId: 'CALL-1', type: 'Интервью', status: '', start: d, orderId: ' ORD-1 ', candidateIds: 'C-1; C-2' })).toEqual({
      callId: 'CALL-1',
      type: 'interview',
      status: 'scheduled',
      start: T0,
      orderId: 'ORD-1',
      candidateIds: ['C-1', 'C-2'],
      hiredEmployeeEmail: '',
    });
  });
});
