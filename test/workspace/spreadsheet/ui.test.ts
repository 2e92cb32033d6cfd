import { setup, thrown } from './helpers';

const html = (content: string, title = '') => ({ getContent: () => content, getTitle: () => title });

describe('Ui and toasts', () => {
  test('getUi from a time-driven trigger throws "Cannot call SpreadsheetApp.getUi() from this context."', async () => {
    const { app } = await setup({ execution: { kind: 'time' } });
    expect(thrown(() => app.getUi()).message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('menus, alerts, sidebars and dialogs are recorded with their titles and content', async () => {
    const { app, fake } = await setup({ execution: { kind: 'ui' } });
    const ui = app.getUi();
    ui.createMenu('Reglament').addItem('Set up', 'setup').addSeparator().addSubMenu(ui.createMenu('More').addItem('Help', 'help')).addToUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', 'Delete it?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    ui.showSidebar(html('<b>hi</b>', 'Help'));
    ui.showModalDialog(html('<p>form</p>'), 'Edit');
    expect(fake.uiLog.map((e) => [e.kind, e.title, e.content, e.response])).toEqual([
      ['menu', 'Reglament', '', undefined],
      ['alert', '', 'Done', 'OK'],
      ['alert', 'Sure?', 'Delete it?', 'YES'],
      ['sidebar', 'Help', '<b>hi</b>', undefined],
      ['modalDialog', 'Edit', '<p>form</p>', undefined],
    ]);
    expect(fake.uiLog[0].items).toEqual([
      { caption: 'Set up', functionName: 'setup' },
      { separator: true },
      { caption: 'More', items: [{ caption: 'Help', functionName: 'help' }] },
    ]);
  });

  test('a responder decides the button the person presses', async () => {
    const { app, fake } = await setup({ execution: { kind: 'ui' } });
    fake.setUiResponder(() => ({ button: 'NO' }));
    const ui = app.getUi();
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
  });

  test('toasts are recorded, and show nothing from a time-driven trigger', async () => {
    const { ss, fake, rt } = await setup({ execution: { kind: 'ui' } });
    ss.toast('Saved', 'Reglament', 3);
    rt.beginExecution(rt.now(), { kind: 'time' });
    ss.toast('Nobody sees this');
    expect(fake.toasts.map((t) => [t.message, t.title, t.timeoutSeconds])).toEqual([['Saved', 'Reglament', 3]]);
    expect(rt.meter.countOf('Spreadsheet.toast')).toBe(1);
  });

  test("setActive simulates the person's selection", async () => {
    const { app, ss, fake } = await setup();
    ss.insertSheet('Orders');
    fake.setActive('Orders', 5, 3);
    expect(app.getActiveSheet().getName()).toBe('Orders');
    expect(app.getActiveRange().getA1Notation()).toBe('C5');
  });
});
