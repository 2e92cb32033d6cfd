import {
  DEFAULT_TEMPLATES,
  TEMPLATE_KEYS,
  TEMPLATE_PLACEHOLDERS,
  checkTemplateRow,
  pickLanguage,
  pickTemplate,
  placeholdersOf,
  readTemplateRows,
  render,
  table,
  tableText,
} from '../../src/core/templates';

const tpl = (body: string, subject = 'Hi {{client}}') => ({ key: 'test.key', subject, body });

describe('values from cells are escaped in the HTML part', () => {
  test('<script>, quotes and & become text', () => {
    const r = render(tpl('Client: {{client}}'), { client: `<script>alert("x")</script> & 'Co'` }, 'en');
    expect(r.html).toContain('Client: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(r.html).not.toContain('<script');
    expect(r.text).toBe(`Client: <script>alert("x")</script> & 'Co'`);
    expect(r.subject).toBe(`Hi <script>alert("x")</script> & 'Co'`);
    expect(r.problems).toEqual([]);
  });

  test('the template\u2019s own text is a cell too: markup in it is shown, not run', () => {
    const r = render(tpl('<b>bold</b> {{client}}'), { client: 'Acme' }, 'ru');
    expect(r.html).toContain('&lt;b&gt;bold&lt;/b&gt; Acme');
  });

  test('a link is clickable and its address is escaped as an attribute', () => {
    const r = render(tpl('Contract: {{link}}.'), { link: 'https://docs.example.com/d?a=1&b=2"onmouseover="x' }, 'en');
    expect(r.html).toContain(
      '<a href="https://docs.example.com/d?a=1&amp;b=2">https://docs.example.com/d?a=1&amp;b=2</a>&quot;onmouseover=&quot;x.',
    );
    expect(r.html).not.toMatch(/"onmouseover/);
  });

  test('only http(s) addresses become links', () => {
    const r = render(tpl('{{link}}'), { link: 'javascript:alert(1)' }, 'en');
    expect(r.html).not.toContain('<a ');
  });

  test('"=1+1" stays inert text in every part', () => {
    const r = render(tpl('Sum: {{sum}}', '{{sum}}'), { sum: '=1+1' }, 'ru');
    expect(r.subject).toBe('=1+1');
    expect(r.text).toBe('Sum: =1+1');
    expect(r.html).toContain('Sum: =1+1');
  });

  test('line breaks become <br> in HTML and stay in the plain-text part', () => {
    const r = render(tpl('{{comment}}'), { comment: 'line 1\nline 2' }, 'en');
    expect(r.html).toContain('line 1<br>\nline 2');
    expect(r.text).toBe('line 1\nline 2');
  });

  test('the HTML part carries the language', () => {
    expect(render(tpl('x'), {}, 'en').html).toMatch(/^<div lang="en"/);
  });
});

describe('placeholders', () => {
  test('an unknown placeholder is reported by name and left visible', () => {
    const r = render(tpl('Dear {{contact}}, {{client}} {{contact}}', 'About {{orderNo}}'), { client: 'Acme' }, 'en');
    expect(r.text).toBe('Dear {{contact}}, Acme {{contact}}');
    expect(r.subject).toBe('About {{orderNo}}');
    expect(r.html).toContain('Dear {{contact}}, Acme');
    expect(r.problems.map((p) => p.code)).toEqual(['templatePlaceholderUnknown']);
    expect(r.problems[0].en).toBe('Template "test.key": unknown placeholders {{orderNo}}, {{contact}} — they stay in the e-mail as typed.');
    expect(r.problems[0].ru).toContain('{{orderNo}}, {{contact}}');
  });

  test('a known placeholder with an empty value is not a problem', () => {
    const r = render(tpl('[{{client}}]', ''), { client: '' }, 'en');
    expect(r).toMatchObject({ text: '[]', problems: [] });
  });

  test('spaces inside the braces are allowed; numbers are written as typed', () => {
    expect(render(tpl('{{ count }} items', ''), { count: 3 }, 'en').text).toBe('3 items');
    expect(placeholdersOf('{{a}} {{ b }} {{a}} {{ not valid }}')).toEqual(['a', 'b']);
  });

  test('a Templates-tab row using a placeholder its key does not offer is flagged', () => {
    const [row] = readTemplateRows([
      { key: 'reminder.interview', language: 'Русский', subject: 'Интервью {{date}}', body: 'Привет, {{candidate}}! {{time}}' },
    ]);
    expect(checkTemplateRow(row).map((p) => p.params.names ?? p.code)).toEqual(['{{candidate}}', 'templateNoLink']);
    expect(checkTemplateRow({ ...row, body: 'Привет, {{recipientName}}! {{senderName}} {{meetingLink}}' })).toEqual([]);
    // A reminder without the link to join is pointed out (a warning: it still goes out).
    expect(checkTemplateRow({ ...row, body: 'Привет, {{recipientName}}!' }).map((p) => [p.code, p.severity])).toEqual([
      ['templateNoLink', 'warning'],
    ]);
  });
});

describe('tables for hand-offs and reports', () => {
  const t = table(
    ['Candidate', 'Outcome'],
    [
      ['Ivan <b>', 'Agreed to come'],
      ['Olga', 'Not\nreached'],
    ],
  );

  test('HTML: header and cells, escaped', () => {
    const r = render(tpl('Results:\n{{results}}\nThanks'), { results: t }, 'en');
    expect(r.html).toContain('<table style="border-collapse:collapse">');
    expect(r.html).toMatch(/<th[^>]*>Candidate<\/th>/);
    expect(r.html).toMatch(/<td[^>]*>Ivan &lt;b&gt;<\/td>/);
    expect(r.html).toMatch(/<td[^>]*>Not<br>\nreached<\/td>/);
    expect(r.html).toContain('</table>\nThanks');
  });

  test('plain text: aligned columns', () => {
    expect(tableText(t)).toBe(
      ['Candidate | Outcome', '----------+---------------', 'Ivan <b>  | Agreed to come', 'Olga      | Not / reached'].join('\n'),
    );
    expect(render(tpl('{{results}}', 'Report {{results}}'), { results: t }, 'en').subject).toBe('Report');
  });
});

describe('language and template choice', () => {
  test('the client\u2019s language picks; anything unknown falls back to Russian', () => {
    expect(pickLanguage('English')).toBe('en');
    expect(pickLanguage('Английский')).toBe('en');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage('Русский')).toBe('ru');
    expect(pickLanguage('Deutsch')).toBe('ru');
    expect(pickLanguage('')).toBe('ru');
    expect(pickLanguage(undefined)).toBe('ru');
  });

  test('the Templates tab overrides the built-in text for its key and language', () => {
    const rows = readTemplateRows([{ key: 'reminder.firstCall', language: 'English', subject: 'See you at {{time}}', body: 'Custom' }]);
    expect(pickTemplate(rows, 'reminder.firstCall', 'en')).toEqual({
      template: { key: 'reminder.firstCall', subject: 'See you at {{time}}', body: 'Custom' },
      language: 'en',
    });
    expect(pickTemplate(rows, 'reminder.firstCall', 'ru')!.template.subject).toBe(DEFAULT_TEMPLATES['reminder.firstCall'].ru.subject);
  });

  test('a custom key only in Russian serves an English client in Russian; an unknown key is null', () => {
    const rows = readTemplateRows([{ key: 'custom.note', language: '', subject: 'Заметка', body: 'Текст' }]);
    expect(pickTemplate(rows, 'custom.note', 'en')).toMatchObject({ language: 'ru', template: { subject: 'Заметка' } });
    expect(pickTemplate(rows, 'no.such', 'en')).toBeNull();
  });
});

describe('the built-in templates', () => {
  test('cover the call, coordination and seed-001 Sales/PM set in both languages', () => {
    expect(TEMPLATE_KEYS).toEqual(
      expect.arrayContaining([
        'reminder.firstCall',
        'reminder.interview',
        'reminder.repeatCall',
        'reminder.introCall',
        'comment.toManager',
        'followUp.manager',
        'handoff.clientDepartment',
        'agreement.request',
        'agreement.answer',
        'report.calling',
        'alert.overdue',
        'alert.overdueList',
        'digest.daily',
        'deadline.reminder',
        'sales.offer',
        'sales.silentClient',
        'sales.presaleSummary',
        'sales.contract',
        'sales.paymentReminder',
        'sales.extension',
        'pm.introduction',
        'pm.dailyReport',
        'pm.projectCompletion',
        'alert.callDeclined',
        'report.expectations',
        'payment.clientDepartment',
        'lead.hot',
        'interview.clientRequest',
        'firstCall.agreed',
        'interview.resumes',
        'interview.candidate',
      ]),
    );
    expect(TEMPLATE_KEYS.length).toBe(31);
  });

  test.each(TEMPLATE_KEYS)('%s uses only its own placeholders and renders without problems', (key) => {
    for (const lang of ['ru', 'en'] as const) {
      const { subject, body } = DEFAULT_TEMPLATES[key][lang];
      const values = Object.fromEntries([...TEMPLATE_PLACEHOLDERS[key], 'senderName'].map((n) => [n, `<${n}>`]));
      const r = render({ key, subject, body }, values, lang);
      expect(r.problems).toEqual([]);
      expect(r.text).not.toMatch(/\{\{/);
      expect(checkTemplateRow({ key, language: lang, subject, body })).toEqual([]);
    }
  });
});
