import { checkComment, commentTemplate, parseDateText, parseNextContact } from '../../../src/features/calls/rules/comments';
import { checkHire } from '../../../src/features/calls/rules/hire';
import { appendResults, keepResults, resultsHeading } from '../../../src/features/calls/rules/results';

const FIRST_CALL = `Company Name: Acme Ltd
Company Website: https://acme.example
Contact Person: John Smith, CTO
Product: B2B invoicing SaaS
Specialties: fintech, accounting
Country-Location: UK, London
Target Audience: EU and US
Immediate Requirement: 2 support agents, full time
Future needs: a sales rep in Q3
Next Step: send the presentation and 3 CVs
Next Contact Date: 15.04.2026
SM: Maria`;

const codes = (text: string, type: 'first' | 'interview' | 'repeat' | 'intro' = 'first', cands: { id: string; name: string }[] = []) =>
  checkComment(type, text, cands).problems.map((p) => p.code);

describe('a First-call comment follows the seed-003 template', () => {
  test('a complete comment passes and its fields are read', () => {
    const r = checkComment('first', FIRST_CALL);
    expect(r.problems).toEqual([]);
    expect(r.fields).toMatchObject({
      companyName: 'Acme Ltd',
      companyWebsite: 'https://acme.example',
      countryLocation: 'UK, London',
      nextStep: 'send the presentation and 3 CVs',
      sm: 'Maria',
    });
    expect(r.nextContact).toEqual({ kind: 'date', date: { year: 2026, month: 4, day: 15 } });
  });

  test('the seed\u2019s one-line form with " – " between fields is read too', () => {
    const oneLine = FIRST_CALL.split('\n').join(' – ');
    const r = checkComment('first', oneLine);
    expect(r.problems).toEqual([]);
    expect(r.fields.contactPerson).toBe('John Smith, CTO');
    expect(r.fields.sm).toBe('Maria');
  });

  test('Russian labels, bullets and a different case are accepted', () => {
    const ru = `- Название компании: Ромашка
- Сайт компании: romashka.ru
- Контактное лицо: Анна
- Продукт: доставка цветов
- Сферы деятельности: ритейл
- Страна: Россия
- Целевая аудитория: Москва
- Текущая потребность: оператор
- будущие потребности: нет
- Следующий шаг: прислать договор
- Дата следующего контакта: 2026-04-01
- Менеджер: Мария`;
    const r = checkComment('first', ru);
    expect(r.problems).toEqual([]);
    expect(r.fields.futureNeeds).toBe('нет');
    expect(r.nextContact).toEqual({ kind: 'date', date: { year: 2026, month: 4, day: 1 } });
  });

  test('a value may run over several lines', () => {
    const r = checkComment('first', FIRST_CALL.replace('Product: B2B invoicing SaaS', 'Product: B2B invoicing SaaS\nwith a mobile app'));
    expect(r.fields.product).toBe('B2B invoicing SaaS\nwith a mobile app');
  });

  test('missing and empty fields are named', () => {
    const text = FIRST_CALL.replace(/Next Step:.*\n/, '').replace('SM: Maria', 'SM:');
    const r = checkComment('first', text);
    expect(r.problems.map((p) => [p.code, p.en])).toEqual([
      ['commentFieldMissing', 'The comment has no "Next Step:" line.'],
      ['commentFieldEmpty', 'The comment leaves "SM" empty.'],
    ]);
    expect(r.problems[0].ru).toBe('В комментарии нет поля «Next Step (Следующий шаг):».');
  });

  test('the unfilled template (dashes only) is all empty, Target Audience aside', () => {
    const blank = `${commentTemplate('first')
      .split('\n')
      .map((l) => `${l}–`)
      .join(' ')}`;
    expect(codes(blank)).toEqual(Array(11).fill('commentFieldEmpty'));
  });

  test('an empty Target Audience means "worldwide", not a problem', () => {
    const r = checkComment('first', FIRST_CALL.replace('Target Audience: EU and US', 'Target Audience:'));
    expect(r.problems).toEqual([]);
    expect(r.fields.targetAudience).toBe('worldwide');
  });

  test('Next Contact Date: a date in either form, or "keep in touch by email"; anything else is flagged', () => {
    expect(checkComment('first', FIRST_CALL.replace('15.04.2026', 'keep in touch by email')).nextContact).toEqual({ kind: 'keepInTouch' });
    const bad = checkComment('first', FIRST_CALL.replace('15.04.2026', 'next week'));
    expect(bad.problems.map((p) => p.code)).toEqual(['commentDateInvalid']);
    expect(bad.nextContact).toBeUndefined();
    expect(codes(FIRST_CALL.replace('15.04.2026', '31.02.2026'))).toEqual(['commentDateInvalid']);
  });

  test('an empty comment on a Done call is reported', () => {
    expect(codes('   ')).toEqual(['commentEmpty']);
    expect(codes('', 'repeat')).toEqual(['commentEmpty']);
  });
});

describe('an Interview comment: "Today we interviewed:", a line per candidate, results, SM', () => {
  const cands = [
    { id: 'C-1', name: 'Ivan Petrov' },
    { id: 'C-2', name: 'Olga Smirnova' },
    { id: 'C-3', name: 'Pavel Orlov' },
  ];
  const GOOD = `Today we interviewed:
Ivan Petrov (C-1) – 5 years in support, calm and clear
Olga Smirnova (C-2) - junior, nervous at first
  then much better
Pavel Orlov (C-3) — strong English
Interview results: the client liked Ivan and Pavel; Olga lacks experience.
SM: Maria`;

  test('a complete comment passes, whichever dash is used', () => {
    const r = checkComment('interview', GOOD, cands);
    expect(r.problems).toEqual([]);
    expect(r.interviewed.map((l) => [l.name, l.id])).toEqual([
      ['Ivan Petrov', 'C-1'],
      ['Olga Smirnova', 'C-2'],
      ['Pavel Orlov', 'C-3'],
    ]);
    expect(r.interviewed[1].summary).toBe('junior, nervous at first\nthen much better');
    expect(r.fields.sm).toBe('Maria');
  });

  test('each candidate of the call must appear', () => {
    const r = checkComment('interview', GOOD.replace(/Pavel.*\n/, ''), cands);
    expect(r.problems.map((p) => p.en)).toEqual(['Candidate Pavel Orlov (C-3) of this call is not in the comment.']);
  });

  test('a missing header, results or SM line is named', () => {
    expect(codes(GOOD.replace('Today we interviewed:\n', ''), 'interview', cands)).toContain('interviewHeaderMissing');
    expect(codes(GOOD.replace(/Interview results:.*\n/, ''), 'interview', cands)).toEqual(['interviewResultsMissing']);
    expect(
      codes(
        GOOD.replace('Interview results: the client liked Ivan and Pavel; Olga lacks experience.', 'Interview results:'),
        'interview',
        cands,
      ),
    ).toEqual(['interviewResultsMissing']);
    expect(codes(GOOD.replace('SM: Maria', ''), 'interview', cands)).toEqual(['commentFieldMissing']);
  });

  test('a line not in the form "Name (ID) – summary" is flagged with its text', () => {
    const r = checkComment('interview', GOOD.replace('Pavel Orlov (C-3) — strong English', 'Pavel Orlov (C-3) strong English'), cands);
    expect(r.problems.map((p) => p.code)).toEqual(['interviewLineFormat', 'interviewCandidateMissing']);
    expect(r.problems[0].en).toBe('Line "Pavel Orlov (C-3) strong English" does not follow "Name (ID) – summary".');
  });

  test('an ID that is not one of the call\u2019s candidates is a warning', () => {
    const r = checkComment('interview', GOOD.replace('(C-3)', '(C-9)'), cands);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([
      ['interviewCandidateMissing', 'error'],
      ['interviewCandidateExtra', 'warning'],
    ]);
  });

  test('the Russian header and numbering are accepted; the first candidate may follow the colon', () => {
    const ru = `Сегодня собеседовали: 1. Ivan Petrov (c-1) – опыт 5 лет
Результаты интервью: клиенту понравился Иван
SM: Мария`;
    expect(codes(ru, 'interview', [cands[0]])).toEqual([]);
  });
});

describe('Repeat and Introductory call comments', () => {
  test('a Repeat-call comment only has to say something', () => {
    expect(codes('Clarified the schedule: 4 days a week.', 'repeat')).toEqual([]);
  });

  test('an Introductory-call comment names the chosen messenger', () => {
    expect(codes('Discussed the project and reporting.', 'intro')).toEqual(['introMessengerMissing']);
    expect(checkComment('intro', 'Discussed tasks.\nMessenger: Signal').messenger).toBe('Signal');
    expect(checkComment('intro', 'Договорились общаться в Телеграме, отчёт по пятницам.').messenger).toBe('Телеграме');
    expect(checkComment('intro', 'Daily standup over WhatsApp.').messenger).toBe('WhatsApp');
  });
});

describe('results go into the event description', () => {
  const base = 'Первый звонок: знакомимся с клиентом.\n\nCompany Name: ';

  test('under "Results" for a First call and "Fresh Results" for an Interview', () => {
    expect(resultsHeading('first')).toBe('Results');
    expect(resultsHeading('interview')).toBe('Fresh Results');
    expect(appendResults(base, 'Results', 'Company Name: Acme\n')).toBe(`${base}\n\n=== Results ===\nCompany Name: Acme`);
  });

  test('a corrected comment replaces the earlier section instead of appending twice', () => {
    const once = appendResults(base, 'Results', 'first version');
    const twice = appendResults(once, 'Results', 'second version');
    expect(twice).toBe(`${base}\n\n=== Results ===\nsecond version`);
    expect(twice.match(/=== Results ===/g)!.length).toBe(1);
  });

  test('another heading\u2019s section is kept', () => {
    const both = appendResults(appendResults(base, 'Results', 'R1'), 'Fresh Results', 'F1');
    const updated = appendResults(both, 'Results', 'R2');
    expect(updated).toBe(`${base}\n\n=== Results ===\nR2\n\n=== Fresh Results ===\nF1`);
  });

  test('a re-planned description keeps the posted results', () => {
    const old = appendResults('old purpose', 'Fresh Results', 'Ivan (C-1) – good');
    expect(keepResults('new purpose', old)).toBe('new purpose\n\n=== Fresh Results ===\nIvan (C-1) – good');
  });
});

describe('Hired requires start date, price and contract link', () => {
  const one = [{ id: 'C-1', name: 'Ivan' }];
  const ok = { hired: true, hireStartDate: new Date('2026-04-01T00:00:00Z'), price: 1200, contractLink: 'https://docs.example.com/contract/1' };

  test('not ticked: nothing to check', () => {
    expect(checkHire({ hired: false }, one)).toEqual({ problems: [], hire: null });
  });

  test('a complete hire sets the candidate\u2019s status', () => {
    expect(checkHire(ok, one)).toEqual({
      problems: [],
      hire: {
        candidateId: 'C-1',
        status: 'Hired',
        startDate: ok.hireStartDate,
        price: 1200,
        contractLink: 'https://docs.example.com/contract/1',
      },
    });
  });

  test('each missing item is named', () => {
    const r = checkHire({ hired: true, hireStartDate: '', price: '', contractLink: '' }, one);
    expect(r.problems.map((p) => p.en)).toEqual([
      'Hired is ticked: fill in "Hire start date".',
      'Hired is ticked: fill in "Price".',
      'Hired is ticked: fill in "Contract link".',
    ]);
    expect(r.hire).toBeNull();
  });

  test('a date typed as text, a price in words and a link that is not a URL are flagged', () => {
    const r = checkHire({ hired: true, hireStartDate: '01.04.2026', price: 'тысяча', contractLink: 'contract.pdf' }, one);
    expect(r.problems.map((p) => p.code)).toEqual(['hireStartDateInvalid', 'hirePriceInvalid', 'hireContractInvalid']);
  });

  test('with several candidates it must be clear whom the client hired', () => {
    const two = [...one, { id: 'C-2', name: 'Olga' }];
    expect(checkHire(ok, two).problems.map((p) => p.code)).toEqual(['hireWhichCandidate']);
    expect(checkHire({ ...ok, hiredCandidateId: 'C-2' }, two).hire!.candidateId).toBe('C-2');
  });
});

test('dates are read as dd.MM.yyyy or yyyy-MM-dd and must exist', () => {
  expect(parseDateText('05.01.2027')).toEqual({ year: 2027, month: 1, day: 5 });
  expect(parseDateText('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  expect(parseDateText('2027-02-29')).toBeNull();
  expect(parseDateText('1/5/2027')).toBeNull();
  expect(parseNextContact('15.04.2026, after their board meeting')).toEqual({ kind: 'date', date: { year: 2026, month: 4, day: 15 } });
});
