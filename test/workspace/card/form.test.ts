import { actionsOf, applyNavigations, formInputsOf, readSubmission } from '../../../workspace/services/card';
import { action, cardService, jsonOf } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */

const { CardService: CS } = cardService();

/** The Interview comment form of a call, as an add-on would build it. */
function interviewCard(save = action(CS, 'saveComment', { callId: 'CALL-7' }).addRequiredWidget('comment').addRequiredWidget('result')) {
  const section = CS.newCardSection()
    .addWidget(
      CS.newTextInput().setFieldName('comment').setTitle('Comment').setMultiline(true).setValidation(CS.newValidation().setCharacterLimit(20)),
    )
    .addWidget(CS.newTextInput().setFieldName('price').setTitle('Price').setValidation(CS.newValidation().setInputType(CS.InputType.INTEGER)))
    .addWidget(CS.newTextInput().setFieldName('mail').setTitle('Mail').setValidation(CS.newValidation().setInputType(CS.InputType.EMAIL)))
    .addWidget(
      CS.newSelectionInput()
        .setFieldName('result')
        .setTitle('Result')
        .setType(CS.SelectionInputType.DROPDOWN)
        .addItem('Hired', 'hired', false)
        .addItem('Refused', 'refused', false),
    )
    .addWidget(
      CS.newSelectionInput().setFieldName('needs').setTitle('Needs').addItem('Docs', 'docs', false).addItem('Medical', 'medical', false),
    )
    .addWidget(
      CS.newSelectionInput()
        .setFieldName('sm')
        .setTitle('SM')
        .setType(CS.SelectionInputType.RADIO_BUTTON)
        .addItem('Yes', 'yes', false)
        .addItem('No', 'no', false),
    )
    .addWidget(CS.newDecoratedText().setText('Done').setSwitchControl(CS.newSwitch().setFieldName('done').setValue('true')))
    .addWidget(CS.newDateTimePicker().setFieldName('start').setTitle('Start'))
    .addWidget(CS.newDateTimePicker().setFieldName('startMsk').setTitle('Start (MSK)').setTimeZoneOffsetInMins(180))
    .addWidget(CS.newDatePicker().setFieldName('day').setTitle('Day'))
    .addWidget(CS.newTimePicker().setFieldName('at').setTitle('At'))
    .addWidget(CS.newButtonSet().addButton(CS.newTextButton().setText('Save').setOnClickAction(save)));
  return jsonOf(CS.newCardBuilder().setName('interview').addSection(section).build());
}

const en = { timeZone: 'Europe/Moscow', locale: 'en' };

describe('a submitted form as commonEventObject.formInputs', () => {
  test('every kind of input, read as Google documents; empty ones are left out', () => {
    const { formInputs, problems } = formInputsOf(
      interviewCard(),
      {
        comment: 'Came on time',
        price: '1200',
        mail: '',
        result: 'hired',
        needs: ['docs', 'medical'],
        sm: 'yes',
        done: 'true',
        start: '2026-11-24T10:00',
        startMsk: '2026-11-24T10:00',
        day: '2026-11-25',
        at: '09:30',
        __action: 'a0',
      },
      { timeZone: 'Asia/Yekaterinburg' },
    );
    expect(problems).toEqual([]);
    expect(formInputs).toEqual({
      comment: { stringInputs: { value: ['Came on time'] } },
      price: { stringInputs: { value: ['1200'] } },
      result: { stringInputs: { value: ['hired'] } },
      needs: { stringInputs: { value: ['docs', 'medical'] } },
      sm: { stringInputs: { value: ['yes'] } },
      done: { stringInputs: { value: ['true'] } },
      // No offset on the picker: the user's zone (Yekaterinburg, UTC+5).
      start: { dateTimeInput: { msSinceEpoch: String(Date.parse('2026-11-24T05:00:00Z')), hasDate: true, hasTime: true } },
      // The picker's own offset (+180 min) wins over the user's zone.
      startMsk: { dateTimeInput: { msSinceEpoch: String(Date.parse('2026-11-24T07:00:00Z')), hasDate: true, hasTime: true } },
      day: { dateInput: { msSinceEpoch: String(Date.parse('2026-11-25T00:00:00Z')) } },
      at: { timeInput: { hours: 9, minutes: 30 } },
    });
  });

  test('a DST change: 02:30 on the night clocks go forward in New York', () => {
    const card = jsonOf(
      CS.newCardBuilder()
        .addSection(CS.newCardSection().addWidget(CS.newDateTimePicker().setFieldName('t')))
        .build(),
    );
    const { formInputs } = formInputsOf(card, { t: '2026-03-08T02:30' }, { timeZone: 'America/New_York' });
    // The gap moves forward, as the product's own wall-time search does: 03:30 EDT.
    expect(formInputs.t.dateTimeInput!.msSinceEpoch).toBe(String(Date.parse('2026-03-08T07:30:00Z')));
  });

  test('values a person could not have picked are problems, in Russian by default', () => {
    const { formInputs, problems } = formInputsOf(
      interviewCard(),
      {
        result: ['hired', 'refused'],
        needs: ['docs', 'forged'],
        sm: 'maybe',
        done: 'false',
        comment: 'x'.repeat(21),
        price: '12.5',
        mail: 'not-mail',
        day: '2026-02-30',
        at: '25:00',
      },
      { timeZone: 'UTC' },
    );
    expect(formInputs).toEqual({});
    expect(problems).toEqual([
      { name: 'comment', message: 'Не больше 20 символов.' },
      { name: 'price', message: 'Нужно целое число.' },
      { name: 'mail', message: 'Нужен адрес электронной почты.' },
      { name: 'result', message: 'Можно выбрать только один вариант.' },
      { name: 'needs', message: '«forged» нет среди вариантов.' },
      { name: 'sm', message: '«maybe» нет среди вариантов.' },
      { name: 'done', message: 'Неверное значение переключателя.' },
      { name: 'day', message: 'Неверная дата или время.' },
      { name: 'at', message: 'Неверная дата или время.' },
    ]);
  });
});

describe('reading the clicked action', () => {
  test('the action and parameters come from the card, with the form inputs', () => {
    const card = interviewCard();
    const [ref] = actionsOf(card);
    expect(ref).toMatchObject({ id: 'a0', kind: 'click', path: 'sections[0].widgets[11].buttons[0]' });
    const read = readSubmission(card, 'a0', { comment: 'ok', result: 'refused', __action: 'a0', callId: 'FORGED' }, en);
    expect(read).toEqual({
      ok: true,
      action: ref.action,
      kind: 'click',
      parameters: { callId: 'CALL-7' },
      formInputs: { comment: { stringInputs: { value: ['ok'] } }, result: { stringInputs: { value: ['refused'] } } },
      problems: [],
    });
  });

  test('required widgets block the submission; check boxes, radios and switches are never required', () => {
    const card = interviewCard();
    expect(readSubmission(card, 'a0', { comment: 'ok' }, en)).toMatchObject({ ok: false, problems: [{ name: 'result', message: 'Required.' }] });
    const all = interviewCard(action(CS, 'saveAll').setAllWidgetsAreRequired(true));
    const read = readSubmission(all, 'a0', { comment: 'ok', result: 'hired' }, en);
    expect(read.problems.map((p) => p.name)).toEqual(['price', 'mail', 'start', 'startMsk', 'day', 'at']);
    // A wrong value is reported once, not also as missing.
    expect(readSubmission(card, 'a0', { comment: 'ok', result: 'nope' }, en).problems).toEqual([
      { name: 'result', message: '"nope" is not one of the options.' },
    ]);
    // A required widget that is not on the card can never be satisfied.
    const ghost = interviewCard(action(CS, 'save').addRequiredWidget('ghost'));
    expect(readSubmission(ghost, 'a0', {}, en).problems).toEqual([{ name: 'ghost', message: 'Required.' }]);
  });

  test('a tampered action id is refused', () => {
    expect(readSubmission(interviewCard(), 'a9', {}, en)).toMatchObject({
      ok: false,
      problems: [{ name: '', message: 'No action "a9" on this card.' }],
    });
    expect(readSubmission(interviewCard(), 'a0:1', {}, en).ok).toBe(false);
  });

  test('a grid click adds the item id and index to the parameters', () => {
    const grid = CS.newGrid()
      .addItem(CS.newGridItem().setTitle('Ann').setIdentifier('cand-1'))
      .addItem(CS.newGridItem().setTitle('Bob'))
      .setOnClickAction(action(CS, 'pick', { callId: 'C' }));
    const card = jsonOf(CS.newCardBuilder().addSection(CS.newCardSection().addWidget(grid)).build());
    expect(readSubmission(card, 'a0:0', {}, en).parameters).toEqual({ callId: 'C', gridItemId: 'cand-1', gridItemIndex: '0' });
    expect(readSubmission(card, 'a0:1', {}, en).parameters).toEqual({ callId: 'C', gridItemIndex: '1' });
    expect(readSubmission(card, 'a0:2', {}, en).ok).toBe(false);
  });

  test('actions of footer, card actions, on-change and dynamic links are found in document order', () => {
    const card = jsonOf(
      CS.newCardBuilder()
        .addSection(
          CS.newCardSection()
            .addWidget(CS.newTextInput().setFieldName('q').setTitle('q').setOnChangeAction(action(CS, 'onQ')))
            .addWidget(CS.newButtonSet().addButton(CS.newTextButton().setText('Link').setOnClickOpenLinkAction(action(CS, 'makeLink')))),
        )
        .setFixedFooter(
          CS.newFixedFooter().setPrimaryButton(
            CS.newTextButton().setText('Go').setTextButtonStyle(CS.TextButtonStyle.FILLED).setOnClickAction(action(CS, 'go')),
          ),
        )
        .addCardAction(CS.newCardAction().setText('Help').setOnClickAction(action(CS, 'help')))
        .build(),
    );
    expect(actionsOf(card).map((r) => [r.id, r.kind, r.action.function])).toEqual([
      ['a0', 'onChange', 'onQ'],
      ['a1', 'openDynamicLinkAction', 'makeLink'],
      ['a2', 'click', 'go'],
      ['a3', 'click', 'help'],
    ]);
  });
});

describe('the card stack', () => {
  const c = (name: string) => ({ name, sections: [] }) as any;
  test('push, update, pop, pop to a name, pop to root', () => {
    const stack = applyNavigations([c('home')], [{ pushCard: c('call') }, { pushCard: c('comment') }, { updateCard: c('comment2') }]);
    expect(stack.map((x) => x.name)).toEqual(['home', 'call', 'comment2']);
    expect(applyNavigations(stack, [{ popToCard: 'call' }]).map((x) => x.name)).toEqual(['home', 'call']);
    expect(applyNavigations(stack, [{ popCard: true }, { popToRoot: true }]).map((x) => x.name)).toEqual(['home']);
    expect(() => applyNavigations([c('home')], [{ popCard: true }])).toThrow('the root card cannot be popped');
    expect(() => applyNavigations(stack, [{ popToCard: 'nope' }])).toThrow('no card named "nope"');
  });
});
