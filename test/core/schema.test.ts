import { findChoice, findColumn, findTab, mapColumns, TABS, TERMS, tabDef } from '../../src/core/schema';
import { findSetting, readSettings, SETTINGS } from '../../src/core/settings';

describe('the workbook contract (docs/DOMAIN.md §9)', () => {
  test('every tab of docs/DOMAIN.md §9.2 is defined, in order', () => {
    expect(TABS.map((t) => t.en)).toEqual([
      'Settings',
      'Holidays',
      'Staff',
      'Orders',
      'HR agreements',
      'Selections',
      'Calling results',
      'Candidates',
      'Calls',
      'Templates',
      'Outbox',
      'Log',
    ]);
  });

  test('the English headers of Orders are the contract', () => {
    expect(tabDef('orders').columns.map((c) => c.en)).toEqual([
      'Order ID',
      'Client',
      'Contact person',
      'Client e-mail',
      'Client phone',
      'Client language',
      'Vacancy',
      'Vacancy description',
      'Request link',
      'Fintops company link',
      'Fintops vacancy link',
      'Publication from',
      'Publication to',
      'Job sites',
      'Paid services',
      'Paid from',
      'Paid to',
      'Sum',
      'Bonuses and discounts',
      'Contract link',
      'Payment received',
      'Sales manager',
      'Terms',
      'HR specialist',
      'HR received',
      'Hand off',
      'Handed off at',
      'Status',
      'Problems',
      'Other contact e-mails',
      'Client time zone',
      'Payment document link',
      // Seed 001's duties (issue 14, piece 5).
      'Scheme change requested at',
      'Scheme change done at',
      'Report sent at',
      'Act sent at',
      'Act signed at',
      'Awaiting reply since',
      'Client replied at',
      'Payment due',
      'Invoice link',
      'Act status',
      'Client status',
      'Client since',
    ]);
  });

  test('system columns are the starred ones of docs/DOMAIN.md §9.1', () => {
    expect(
      tabDef('orders')
        .columns.filter((c) => c.system)
        .map((c) => c.en),
    ).toEqual(['Order ID', 'Handed off at', 'Status', 'Problems', 'Act status', 'Client status', 'Client since']);
    expect(
      tabDef('calls')
        .columns.filter((c) => c.system)
        .map((c) => c.en),
    ).toEqual(['Call ID', 'Event ID', 'Comment sent at', 'Problems', "Guests' answers", 'After-call steps']);
  });

  test('headers and tab names are unique within a tab in both languages', () => {
    for (const tab of TABS) {
      expect(new Set(tab.columns.map((c) => c.en.toLowerCase())).size).toBe(tab.columns.length);
      expect(new Set(tab.columns.map((c) => c.ru.toLowerCase())).size).toBe(tab.columns.length);
    }
    expect(new Set(TABS.map((t) => t.ru)).size).toBe(TABS.length);
  });

  test('a tab and a column are found by name in either language, ignoring case, spacing and a trailing star', () => {
    expect(findTab('заказы')?.key).toBe('orders');
    expect(findTab(' HR  agreements ')?.key).toBe('agreements');
    expect(findColumn(tabDef('orders'), 'e-mail клиента')?.key).toBe('clientEmail');
    expect(findColumn(tabDef('orders'), 'Order ID*')?.key).toBe('orderId');
    expect(findTab('Nope')).toBeUndefined();
  });

  test('columns are mapped by header, not position: a reordered, mixed-language header still maps', () => {
    const map = mapColumns(tabDef('staff'), ['E-mail', 'My notes', 'Имя', 'Department']);
    expect(map.index).toEqual({ email: 0, name: 2, department: 3 });
    expect(map.extra).toEqual(['My notes']);
    expect(map.missing.map((c) => c.en)).toEqual(['Manager e-mail', 'Deputy e-mail', 'Absent until']);
  });

  test('list choices are recognised in either language', () => {
    expect(findChoice(TERMS, 'Индивидуальные')?.key).toBe('individual');
    expect(findChoice(TERMS, 'standard')?.key).toBe('standard');
    expect(findChoice(TERMS, '')).toBeUndefined();
  });
});

describe('Settings', () => {
  test('the contract keys exist in English', () => {
    expect(SETTINGS.map((s) => s.en)).toEqual(
      expect.arrayContaining([
        'Time zone',
        'Locale',
        'Client-department e-mail',
        'Company calendar ID',
        'HR calendar ID',
        'Selection weekdays',
        'Report deadline',
        'Reminder offsets: First call',
        'Reminder offsets: Interview',
        'Reminder offsets: Repeat call',
        'Reminder offsets: Introductory call',
        'Sender name',
        'Mail quota',
      ]),
    );
  });

  test('values are read over the defaults, keys in either language; blanks keep the default', () => {
    const values = readSettings([
      ['Часовой пояс', 'Asia/Yekaterinburg'],
      ['Report deadline', ''],
      ['Unknown', 'x'],
    ]);
    expect(values.timeZone).toBe('Asia/Yekaterinburg');
    expect(values.reportDeadline).toBe('18:00');
    expect(values.reminderRepeatCall).toBe('1d, 20m');
    expect(findSetting('mail QUOTA')?.key).toBe('mailQuota');
  });
});
