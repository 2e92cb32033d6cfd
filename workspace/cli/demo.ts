/**
 * `npm start`: the main job on the local Workspace, as a short story told by the CLI's
 * own operations. A fresh workbook; Sales types an order with individual terms, HR
 * agrees them, Sales hands the order off; then the week runs: calls of every type with
 * their Meet links, a candidate declining in Google Calendar (the manager is told), the
 * interview's comment going to the staff-only notes and never to the guests. Every step
 * prints what changed, and the end checks the invitations the guests got and lists the
 * files to open.
 */
import { addonText, runAddon } from './addon';
import * as fs from 'fs';
import * as path from 'path';
import { LocalWorkspace, stateDirFor } from '../runtime/workspace';
import { acquireLock } from '../runtime/filelock';
import { lockDefaults } from '../runtime/session';
import { answerSenderPrompt, personEdit, personEvent, runSpan, workbookStatus } from '../driver';
import { findColumn, findTab } from '../../src/core/schema';
import { parseInstant } from '../runtime/typing';

interface Out {
  json: boolean;
  print(text: string): void;
  data(value: unknown, text: () => string): void;
}

export const SALES = 'anna.sales@example.com';
export const HR = 'irina.hr@example.com';
export const HR_DEPUTY = 'pavel.hr@example.com';
export const CLIENT_DEPT = 'client.dept@example.com';
export const BOSS = 'boss@example.com';
export const COMPANY = 'Кадровое агентство «Штат»';

const STAFF: Array<Array<[string, string]>> = [
  [
    ['Name', 'Анна (продажи)'],
    ['E-mail', SALES],
    ['Department', 'Отдел продаж'],
    ['Manager e-mail', BOSS],
  ],
  [
    ['Name', 'Ирина (HR)'],
    ['E-mail', HR],
    ['Department', 'HR'],
    ['Manager e-mail', BOSS],
    ['Deputy e-mail', HR_DEPUTY],
  ],
  [
    ['Name', 'Павел (HR)'],
    ['E-mail', HR_DEPUTY],
    ['Department', 'HR'],
    ['Manager e-mail', BOSS],
  ],
  [
    ['Name', 'Клиентский отдел'],
    ['E-mail', CLIENT_DEPT],
    ['Department', 'Клиентский отдел'],
    ['Manager e-mail', BOSS],
  ],
  [
    ['Name', 'Борис (руководитель)'],
    ['E-mail', BOSS],
    ['Department', 'Руководство'],
  ],
];

const ORDER: Array<[string, string]> = [
  ['Client', 'ООО «Ромашка»'],
  ['Contact person', 'Пётр Иванов'],
  ['Client e-mail', 'petr@romashka.example'],
  ['Client phone', '+7 999 123-45-67'],
  ['Client language', 'Русский'],
  ['Vacancy', 'Оператор call-центра'],
  ['Vacancy description', 'Входящие звонки, 5/2, удалённо'],
  ['Fintops company link', 'https://fintops.example/company/42'],
  ['Request link', 'https://docs.example/request/romashka-42'],
  ['Publication from', '2026-11-23'],
  ['Publication to', '2026-12-23'],
  ['Paid services', 'Обзвон соискателей'],
  ['Paid from', '2026-11-23'],
  ['Paid to', '2026-12-31'],
  ['Sum', '45000'],
  ['Bonuses and discounts', 'скидка 5%'],
  ['Contract link', 'https://docs.example/contract/42'],
  ['Sales manager', SALES],
  ['Terms', 'Индивидуальные'],
  ['HR specialist', HR],
];

export async function runDemo(dir: string, out: Out): Promise<void> {
  const workbook = path.resolve(dir, 'reglament.xlsx');
  fs.rmSync(workbook, { force: true });
  fs.rmSync(stateDirFor(workbook), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(workbook), { recursive: true });
  const zone = 'Europe/Moscow';
  const at = (wall: string) => parseInstant(wall, zone);
  const steps: string[] = [];
  const say = (text: string) => {
    steps.push(text);
    if (!out.json) out.print(text);
  };

  // Held until the demo is saved (a failure ends the process, whose lock is then taken over at once).
  const lock = await acquireLock(stateDirFor(workbook), { mode: 'exclusive', command: 'demo', wait: lockDefaults.wait, workbook });
  // A company on Google Workspace (example.com): Google names its staff to the script, so
  // typing in the sheet is enough for every rule (on a consumer account the call's manager
  // would mark calls Done through the sidebar).
  const ws = await LocalWorkspace.open({
    workbook,
    create: true,
    locale: 'ru',
    timeZone: zone,
    now: at('2026-11-23T09:00'),
    account: 'workspace',
    domain: 'example.com',
  });
  // Setup asks how e-mails are signed: the company's name, not the product's.
  answerSenderPrompt(ws, COMPANY);
  const setup = ws.invoke('setupWorkbook', { kind: 'editor' });
  say(`Пн 23.11 09:00  setupWorkbook: ${setup.ok ? String(setup.result) : setup.error}; имя отправителя — «${COMPANY}»`);
  personEdit(ws, 'Настройки', '4', [['Value', CLIENT_DEPT]], ws.owner);
  for (const person of STAFF) personEdit(ws, 'Сотрудники', 'new', person, ws.owner);
  say(`                Сотрудники: ${STAFF.length} человек; e-mail клиентского отдела в настройках`);
  // Who joins a department gets its columns from the next tick (within 5 minutes).
  const opened = runSpan(ws, at('2026-11-23T09:05'), at('2026-11-23T09:05'), 5 * 60000);
  say(`Пн 09:05  tick: сотрудникам открыт доступ к столбцам их отделов${opened.every((r) => r.ok) ? '' : ' (ошибка)'}`);

  const order = (label: string) => {
    const row = rowOf(ws, 'orders', 2);
    return `${label}: ${row.orderId} · статус «${row.status}»${row.problems ? `\n                  проблемы: ${String(row.problems).split('\n').join('; ')}` : ''}`;
  };
  const edit = (tab: string, row: string, cells: Array<[string, string]>, user: string, wall: string) => {
    ws.rt.clock.reset(at(wall).getTime());
    personEdit(ws, tab, row, cells, user);
  };

  edit('Заказы', 'new', ORDER, SALES, '2026-11-23T10:00');
  say(`Пн 10:00  Анна вводит заказ → ${order('заказ')}`);
  edit('Заказы', '2', [['Payment received', '2026-11-23']], SALES, '2026-11-23T11:00');
  say(`Пн 11:00  оплата получена → ${order('заказ')}`);
  edit('Заказы', '2', [['Hand off', 'TRUE']], SALES, '2026-11-23T11:05');
  say(`Пн 11:05  Анна отмечает «Передать» → отказ, галочка снята. ${order('заказ')}`);
  const orderId = String(rowOf(ws, 'orders', 2).orderId);
  edit(
    'Согласования HR',
    'new',
    [
      ['Order ID', orderId],
      ['Requested by', SALES],
      ['Expected resumes', '40'],
      ['Expected calls', '30'],
      ['Expected agreeing', '12'],
      ['Expected coming', '8'],
      ['Risks', 'возврат, если придут меньше 5'],
      ['Call kind', 'Подробные'],
      ['Selection weekdays', 'Вт'],
      ['Resumes per selection', '40'],
    ],
    SALES,
    '2026-11-23T11:10',
  );
  say(`Пн 11:10  Анна запрашивает у HR индивидуальные условия → ${rowOf(ws, 'agreements', 2).agreementId}, письмо HR: ${lastMailTo(ws, HR)}`);
  edit(
    'Согласования HR',
    '2',
    [
      ['Answer', 'Согласовано'],
      ['HR comment', 'Подбор по вторникам, 40 резюме'],
    ],
    HR,
    '2026-11-23T15:00',
  );
  say(`Пн 15:00  Ирина отвечает «Согласовано» → письмо Анне: ${lastMailTo(ws, SALES)}`);
  edit('Заказы', '2', [['Hand off', 'TRUE']], SALES, '2026-11-23T15:30');
  say(`Пн 15:30  Анна снова отмечает «Передать» → ${order('заказ')}\n                письмо клиентскому отделу: ${lastMailTo(ws, CLIENT_DEPT)}`);

  await week(ws, orderId, edit, say, at);
  hiredChain(ws, orderId, edit, say, at);
  await ws.save('demo');
  lock.release();
  say(await invitationsCheck(ws));

  const cards = await addonCards(ws);
  const status = workbookStatus(ws, 8);
  const mail = ws.mail.sent();
  out.data(
    {
      steps,
      status,
      mail: mail.map((m) => ({ to: m.to, subject: m.subject, file: m.path })),
      files: { workbook, stateDir: ws.stateDir },
      addon: cards,
    },
    () =>
      [
        '',
        'Письма (.eml):',
        ...mail.map((m) => `  ${m.to.join(', ')} — «${m.subject}»\n    ${m.path}`),
        '',
        'События календарей (гости видят свои события; «Для сотрудников» — без гостей, там инструкции и комментарии):',
        ...ws.calendar
          .events()
          .map((e) => `  ${e.start?.dateTime ?? e.start?.date}  ${e.summary}${e.attendees?.length ? `  [гостей: ${e.attendees.length}]` : ''}`),
        '',
        'Откройте файлы:',
        `  книга (.xlsx):      ${workbook}`,
        `  письма (.eml):      ${path.join(ws.stateDir, 'mail')}`,
        `  календари (.ics):   ${path.join(ws.stateDir, 'calendar')}`,
        '',
        `Дальше: npx reglament status ${path.relative(process.cwd(), workbook)}`,
        '',
        `Дополнение Workspace — карточка звонка в Календаре (${BOSS}):`,
        '',
        cards.call,
        '',
        `Дополнение Workspace — карточка письма клиента в Gmail (${SALES}):`,
        '',
        cards.mail,
      ].join('\n'),
  );
}

type Edit = (tab: string, row: string, cells: Array<[string, string]>, user: string, wall: string) => void;

/**
 * The working week after the hand-off: HR receives the order (the schedule and HR
 * invites appear), calls of all four types are booked, HR records a calling day, and the
 * time trigger runs every 5 minutes through Friday, sending reminders and the report.
 */
async function week(ws: LocalWorkspace, orderId: string, edit: Edit, say: (t: string) => void, at: (wall: string) => Date): Promise<void> {
  const run = (from: string, to: string, label: string) => {
    const runs = runSpan(ws, at(from), at(to), 5 * 60000);
    const sent = ws.mail.sent().length;
    say(`${label}  ${runs.length} запусков tick, ошибок: ${runs.filter((r) => !r.ok).length}; писем всего: ${sent}`);
  };
  edit('Заказы', '2', [['HR received', '2026-11-23 16:00']], HR, '2026-11-23T16:00');
  const selections = ws.spreadsheet
    .readValues('Подборы')
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));
  say(
    `Пн 16:00  Ирина отмечает «HR получил» → подборов запланировано: ${selections.length}; события в календаре HR: ${ws.calendar.events().length}`,
  );
  for (const [id, name, email] of CANDIDATES)
    edit(
      'Кандидаты',
      'new',
      [
        ['Candidate ID', id],
        ['Name', name],
        ['E-mail', email],
        ['Order ID', orderId],
        ['Status', 'Новый'],
        ['Resume link', `https://cv.example/${id.toLowerCase()}`],
      ],
      HR,
      '2026-11-23T16:10',
    );
  const call = (type: string, start: string, people: Array<[string, string]>) =>
    edit(
      'Звонки',
      'new',
      [
        ['Type', type],
        ['Order ID', orderId],
        ['Start', start],
        ['Duration (min)', '30'],
        ['Manager e-mail', BOSS],
        ['Status', 'Запланирован'],
        ...people,
      ],
      SALES,
      '2026-11-23T16:30',
    );
  call('Первый звонок', '2026-11-24 11:00', [['Client e-mail', 'petr@romashka.example']]);
  call('Интервью', '2026-11-27 14:00', [
    ['Client e-mail', 'petr@romashka.example'],
    ['Candidate IDs', 'C-1, C-2'],
  ]);
  call('Повторный звонок', '2026-11-27 16:00', [['Candidate IDs', 'C-1']]);
  call('Вводный звонок', '2026-11-27 17:00', [
    ['Client e-mail', 'petr@romashka.example'],
    ['Hired employee e-mail', 'maria.new@example.com'],
    ['Hired employee name', 'Мария Новикова'],
    ['Team lead e-mail', 'lena.lead@example.com'],
    ['Team lead name', 'Елена'],
  ]);
  const guests = ws.calendar.events().filter((e) => e.extendedProperties?.private?.reglament === 'call').length;
  const notes = ws.calendar.events().filter((e) => e.extendedProperties?.private?.reglament === 'notes').length;
  say(
    `Пн 16:30  Анна назначает 4 звонка → событий для гостей: ${guests} (список гостей скрыт, Google Meet), заметок для сотрудников без гостей: ${notes}; напоминаний в «Исходящих»: ${outboxCount(ws)}`,
  );
  run('2026-11-23T16:35', '2026-11-24T11:25', 'Пн 16:35 → Вт 11:25');
  const meet =
    ws.calendar.events().find((e) => e.extendedProperties?.private?.reglament === 'call')?.conferenceData?.entryPoints?.[0]?.uri ?? '(нет)';
  say(`          первый тик прочитал календарь: ссылки Meet в описаниях и напоминаниях (например ${meet})`);
  edit(
    'Звонки',
    '2',
    [
      ['Status', 'Проведён'],
      ['Comment', FIRST_CALL_COMMENT],
    ],
    SALES,
    '2026-11-24T11:30',
  );
  say(`Вт 11:30  первый звонок проведён, комментарий по шаблону → руководителю: ${lastMailTo(ws, BOSS)}`);
  afterFirstCall(ws, say);
  // A guest answers in Google Calendar: Мария declines the repeat call (its only candidate).
  const repeat = String(rowOf(ws, 'calls', 4).eventId);
  ws.rt.clock.reset(at('2026-11-24T11:40').getTime());
  personEvent(ws, { id: repeat, respond: 'maria.s@example.com=declined' });
  run('2026-11-24T11:45', '2026-11-24T11:50', 'Вт 11:40  Мария отклоняет приглашение на повторный звонок в Календаре →');
  say(
    `          ответы гостей в строке звонка: ${String(rowOf(ws, 'calls', 4).guestAnswers).replace(/\n/g, '; ')}; руководителю: ${lastMailTo(ws, BOSS)}`,
  );
  run('2026-11-24T11:55', '2026-11-26T11:55', 'Вт 11:55 → Чт 11:55');
  afterFirstCallMail(ws, say);
  for (const [id, , , outcome, interviewAt] of CANDIDATES) {
    edit(
      'Результаты обзвона',
      'new',
      [
        ['Date', '2026-11-26'],
        ['Order ID', orderId],
        ['Candidate ID', id],
        ['Outcome', outcome],
        ['Interview at', interviewAt],
        ['Comment', 'обзвон'],
      ],
      HR,
      '2026-11-26T12:00',
    );
  }
  say(
    `Чт 12:00  Ирина записывает результаты обзвона (${CANDIDATES.length} кандидата; Олегу назначено интервью — то же, что на вкладке «Звонки», напоминание одно)`,
  );
  await hotLead(ws, orderId, edit, run, say, at);
  run('2026-11-26T12:05', '2026-11-27T14:35', 'Чт 12:05 → Пт 14:35');
  say(`          отчёт клиенту об обзвоне (ушёл в чт 18:00): ${lastMailTo(ws, 'petr@romashka.example')}`);
  edit(
    'Звонки',
    '3',
    [
      ['Status', 'Проведён'],
      ['Comment', INTERVIEW_COMMENT],
    ],
    SALES,
    '2026-11-27T14:40',
  );
  const interview = ws.calendar
    .events()
    .find((e) => e.extendedProperties?.private?.callId === rowOf(ws, 'calls', 3).callId && e.extendedProperties?.private?.reglament === 'call');
  const staff = ws.calendar
    .events()
    .find((e) => e.extendedProperties?.private?.callId === rowOf(ws, 'calls', 3).callId && e.extendedProperties?.private?.reglament === 'notes');
  say(
    `Пт 14:40  интервью проведено: комментарий → руководителю ${lastMailTo(ws, BOSS)}; в событии гостей «слабый английский»: ${interview?.description?.includes('слабый английский') ? 'ЕСТЬ (ошибка)' : 'нет'}, в «${staff?.summary}»: ${staff?.description?.includes('слабый английский') ? 'есть' : 'нет'}`,
  );
  run('2026-11-27T14:45', '2026-11-27T18:00', 'Пт 14:45 → Пт 18:00');
}

/** Seed 001: HR marks a hot lead; the next tick hands it to the client within 10 minutes, by itself. */
async function hotLead(
  ws: LocalWorkspace,
  orderId: string,
  edit: Edit,
  run: (from: string, to: string, label: string) => void,
  say: (t: string) => void,
  at: (wall: string) => Date,
): Promise<void> {
  const lead: Array<[string, string]> = [
    ['Candidate ID', 'C-4'],
    ['Name', 'Светлана Орлова'],
    ['Order ID', orderId],
    ['Status', 'Новый'],
  ];
  edit('Кандидаты', 'new', lead, HR, '2026-11-26T12:01');
  const rows: Array<[string, string]> = [
    ['Date', '2026-11-26'],
    ['Order ID', orderId],
    ['Candidate ID', 'C-4'],
    ['Phone', '+7 916 555-01-02'],
    ['Outcome', 'Горячий лид'],
    ['Comment', 'Готов выйти в понедельник, ждёт звонка'],
  ];
  edit('Результаты обзвона', 'new', rows, HR, '2026-11-26T12:02');
  run('2026-11-26T12:05', '2026-11-26T12:05', 'Чт 12:02  Ирина отмечает «Горячий лид» →');
  const name = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === 'outbox')!;
  const values = ws.spreadsheet.readValues(name);
  const def = findTab(name)!;
  const col = (key: string) => values[0].findIndex((h) => findColumn(def, String(h))?.key === key);
  const row = values.find((r) => String(r[col('key')]).startsWith('hotlead|'));
  const sent = row?.[col('sentAt')];
  // The cell's Date comes from the script's realm: not `instanceof` this one's Date.
  const sentMs = Object.prototype.toString.call(sent) === '[object Date]' ? (sent as Date).getTime() : NaN;
  const minutes = Number.isFinite(sentMs) ? Math.round((sentMs - at('2026-11-26T12:02').getTime()) / 60000) : undefined;
  say(`          горячий лид → клиенту ${lastMailTo(ws, 'petr@romashka.example')} через ${minutes ?? '—'} мин (срок по договору — 10 мин)`);
}

/**
 * After the Interview (seed 003): the client chose Мария — the hire lands on her Candidates
 * row, the contract goes to the client for signing and what they asked for (her portfolio)
 * with it; the Interview says an Introductory call is due until Анна books one, whose
 * reminders then reach the new employee and the team lead.
 */
function hiredChain(ws: LocalWorkspace, orderId: string, edit: Edit, say: (t: string) => void, at: (wall: string) => Date): void {
  const client = 'petr@romashka.example';
  const problems = () => String(rowOf(ws, 'calls', 3).problems || 'нет').replace(/\n/g, '; ');
  edit(
    'Звонки',
    '3',
    [
      ['Comment', INTERVIEW_COMMENT.replace('Interview results: клиент выбрал Марию', HIRED_RESULTS)],
      ['Hired', 'TRUE'],
      ['Hired candidate ID', 'C-1'],
      ['Hire start date', '2026-12-07'],
      ['Price', '1500'],
      ['Contract link', 'https://docs.example/contracts/romashka-1'],
      ['Client asked for', 'Портфолио Марии: https://portfolio.example/maria'],
    ],
    SALES,
    '2026-11-27T18:10',
  );
  const maria = rowOf(ws, 'candidates', 2);
  say(
    `Пт 18:10  клиент нанимает Марию: в «Кандидатах» — «${maria.status}», отзыв «${maria.clientFeedback}», выход ${fmtDay(maria.hireStartDate)}, цена ${maria.price}, договор ${maria.contractLink}`,
  );
  const toClient = ws.mail.sent().filter((m) => m.to.includes(client));
  say(
    `          клиенту: ${toClient
      .slice(-2)
      .map((m) => `«${m.subject}»`)
      .join(', ')} (договор на подпись и портфолио, ключи contract:/asked: в «Исходящих»)`,
  );
  say(`          проблемы интервью: ${problems()}`);
  edit(
    'Звонки',
    'new',
    [
      ['Type', 'Вводный звонок'],
      ['Order ID', orderId],
      ['Start', '2026-11-30 10:00'],
      ['Candidate IDs', 'C-1'],
      ['Client e-mail', client],
      ['Hired employee e-mail', 'maria.s@example.com'],
      ['Team lead e-mail', 'lena.lead@example.com'],
      ['Team lead name', 'Елена'],
      ['Manager e-mail', BOSS],
    ],
    SALES,
    '2026-11-27T18:20',
  );
  say(`Пт 18:20  Анна назначает вводный звонок с Марией на пн 30.11 10:00 → проблемы интервью: ${problems()}`);
  const runs = runSpan(ws, at('2026-11-29T09:55'), at('2026-11-30T10:05'), 5 * 60000);
  const reminders = ws.mail.sent().filter((m) => m.to.includes('maria.s@example.com') || m.to.includes('lena.lead@example.com'));
  say(
    `Вс 09:55 → Пн 10:05  ${runs.length} запусков tick; напоминаний о вводном звонке Марии и тимлиду: ${reminders.filter((m) => /вводн/i.test(m.subject) && m.subject.includes('30.11.2026')).length}`,
  );
}

const HIRED_RESULTS = [
  'Interview results: клиент выбрал Марию',
  'Мария Смирнова (C-1) – понравилась: спокойная, грамотная речь',
  'Олег Петров (C-2) – не подходит: слабый английский',
].join('\n');

/** A date cell as the spreadsheet (Moscow) shows it. */
function fmtDay(v: unknown): string {
  if (!(v instanceof Date) && Object.prototype.toString.call(v) !== '[object Date]') return String(v);
  return (v as Date).toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' });
}

/** Text only staff may read: no invitation a guest got may hold any of it. */
const INTERNAL = [
  'После звонка',
  'по образцу',
  'Today we interviewed',
  'Company Name',
  'уточняем у клиента',
  'слабый английский',
  'Для сотрудников',
  'Results',
];

/** Reads every invitation .eml the guests got (as a guest's mail program would) and counts internal text and other guests' addresses in them. */
async function invitationsCheck(ws: LocalWorkspace): Promise<string> {
  const { simpleParser } = await import('mailparser');
  const dir = path.join(ws.stateDir, 'calendar', 'invitations');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
  const candidates = CANDIDATES.map(([, , email]) => email);
  let internal = 0;
  let exposed = 0;
  for (const f of files) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
    const to = String((mail.to as { text?: string } | undefined)?.text ?? '');
    const text = `${mail.subject}\n${mail.text}\n${mail.attachments.map((a) => a.content.toString()).join('\n')}`;
    if (INTERNAL.some((t) => text.includes(t))) internal++;
    if (candidates.includes(to) && candidates.some((c) => c !== to && text.includes(c))) exposed++;
  }
  return `Проверка приглашений (.eml): ${files.length} писем гостям; с внутренним текстом: ${internal}; кандидату виден другой кандидат: ${exposed}`;
}

const CANDIDATES: Array<[string, string, string, string, string]> = [
  ['C-1', 'Мария Смирнова', 'maria.s@example.com', 'Согласен прийти', ''],
  ['C-2', 'Олег Петров', 'oleg.p@example.com', 'Назначено интервью', '2026-11-27 14:00'],
  ['C-3', 'Инна Козлова', 'inna.k@example.com', 'Не дозвонились', ''],
];

const INTERVIEW_COMMENT = [
  'Today we interviewed:',
  'Мария Смирнова (C-1) – два года на входящей линии, уверенно отвечала',
  'Олег Петров (C-2) – Олег не подошёл — слабый английский',
  'Interview results: клиент выбрал Марию',
  'SM: Анна',
].join('\n');

const FIRST_CALL_COMMENT = [
  'Company Name: ООО «Ромашка»',
  'Company Website: https://romashka.example',
  'Contact Person: Пётр Иванов',
  'Product: цветочная доставка',
  'Specialties: e-commerce',
  'Country-Location: Россия',
  'Target Audience: worldwide',
  'Immediate Requirement: 2 оператора',
  'Future needs: ещё 3 к весне',
  'Next Step: интервью в пятницу',
  'Next Contact Date: 01.12.2026',
  'SM: Анна',
].join('\n');

function outboxCount(ws: LocalWorkspace): number {
  const name = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === 'outbox')!;
  return Math.max(ws.spreadsheet.readValues(name).length - 1, 0);
}

/** A data row (sheet row `row`) of a tab as a record keyed by column key. */
/** Seed 003 after the First call: the order's client status, and the "what we agreed" e-mail waiting its delay. */
function afterFirstCall(ws: LocalWorkspace, say: (t: string) => void): void {
  const order = rowOf(ws, 'orders', 2);
  const since = order.clientSince instanceof Date || Object.prototype.toString.call(order.clientSince) === '[object Date]';
  const when = since
    ? (order.clientSince as Date).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' })
    : '—';
  say(
    `          в «Заказах»: статус клиента «${cellOf(order.clientStatus)}» с ${when}; письмо о договорённостях ждёт 30 мин (его можно изменить или отменить в боковой панели)`,
  );
}

/** The client's mails after the First call (what we agreed, the resumes) and each candidate's notice of the Interview. */
function afterFirstCallMail(ws: LocalWorkspace, say: (t: string) => void): void {
  const sent = ws.mail.sent();
  const toClient = sent.filter((m) => m.to.includes('petr@romashka.example') && /По итогам нашего звонка|Резюме кандидатов/.test(m.subject));
  const notices = sent.filter((m) => /^Собеседование с /.test(m.subject));
  say(
    `          клиенту: ${toClient.map((m) => `«${m.subject}»`).join(', ') || '(нет)'}; кандидатам о собеседовании: ${notices.map((m) => m.to.join(', ')).join('; ') || '(нет)'}`,
  );
}

const cellOf = (v: unknown): string => (v === undefined || v === null || v === '' ? '—' : String(v));

function rowOf(ws: LocalWorkspace, key: string, row: number): Record<string, unknown> {
  const name = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === key)!;
  const def = findTab(name)!;
  const values = ws.spreadsheet.readValues(name);
  const rec: Record<string, unknown> = {};
  values[0].forEach((h, i) => {
    const col = findColumn(def, String(h));
    if (col) rec[col.key] = values[row - 1]?.[i] ?? '';
  });
  return rec;
}

function lastMailTo(ws: LocalWorkspace, to: string): string {
  const m = ws.mail
    .sent()
    .filter((x) => x.to.includes(to))
    .pop();
  return m ? `«${m.subject}»` : '(нет)';
}

/**
 * The Workspace add-on over the demo's week: the Interview's card as its manager sees it
 * on opening the event, and the card of a client's payment mail (dropped into the inbox
 * folder) as the Sales manager sees it in Gmail — each as `reglament addon` prints it.
 */
async function addonCards(ws: LocalWorkspace): Promise<{ call: string; mail: string }> {
  const interview = ws.calendar
    .events()
    .find((e) => e.extendedProperties?.private?.reglament === 'call' && String(e.summary).startsWith('Интервью'));
  const inbox = path.join(ws.stateDir, 'inbox');
  fs.mkdirSync(inbox, { recursive: true });
  const eml = path.join(inbox, 'romashka-payment.eml');
  fs.writeFileSync(
    eml,
    [
      'From: =?UTF-8?B?' + Buffer.from('Пётр Иванов').toString('base64') + '?= <petr@romashka.example>',
      `To: ${SALES}`,
      'Subject: =?UTF-8?B?' + Buffer.from('Платёжное поручение').toString('base64') + '?=',
      'Message-ID: <payment-1@romashka.example>',
      'Date: Fri, 27 Nov 2026 18:10:00 +0300',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Добрый день! Оплату отправили, платёжка во вложении.',
      '',
    ].join('\r\n'),
  );
  const call = interview ? addonText(await runAddon(ws.workbook, { calendarEvent: interview.id ?? '', user: BOSS, input: [] })) : '';
  const mail = addonText(await runAddon(ws.workbook, { gmailMessage: eml, user: SALES, input: [] }));
  return { call, mail };
}
