import * as vm from 'vm';
import { Runtime } from '../../../workspace/runtime/runtime';
import { createCardService } from '../../../workspace/services/card';
import { action, cardOf, cardService, jsonOf, widgetsOf } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */

describe('CardService builders print the Card v1 JSON', () => {
  test('card, header, sections, name, card actions and fixed footer', () => {
    const { CardService: CS } = cardService();
    const card = CS.newCardBuilder()
      .setName('call')
      .setHeader(
        CS.newCardHeader()
          .setTitle('Interview · ORD-2026-0001')
          .setSubtitle('24 Nov 10:00')
          .setImageUrl('https://example.com/logo.png')
          .setImageStyle(CS.ImageStyle.CIRCLE)
          .setImageAltText('logo'),
      )
      .addSection(CS.newCardSection().setHeader('<b>Candidates</b>').addWidget(CS.newTextParagraph().setText('Ann')))
      .addSection(
        CS.newCardSection()
          .setCollapsible(true)
          .setNumUncollapsibleWidgets(1)
          .addWidget(CS.newTextParagraph().setText('one'))
          .addWidget(CS.newDivider())
          .addWidget(CS.newTextParagraph().setText('two')),
      )
      .addCardAction(CS.newCardAction().setText('Open sheet').setOpenLink(CS.newOpenLink().setUrl('https://docs.google.com/x')))
      .setFixedFooter(
        CS.newFixedFooter()
          .setPrimaryButton(
            CS.newTextButton().setText('Save').setTextButtonStyle(CS.TextButtonStyle.FILLED).setOnClickAction(action(CS, 'save')),
          )
          .setSecondaryButton(CS.newTextButton().setText('Cancel').setOnClickAction(action(CS, 'cancel'))),
      )
      .setDisplayStyle(CS.DisplayStyle.REPLACE)
      .build();
    expect(jsonOf(card)).toEqual({
      header: {
        title: 'Interview · ORD-2026-0001',
        subtitle: '24 Nov 10:00',
        imageUrl: 'https://example.com/logo.png',
        imageType: 'CIRCLE',
        imageAltText: 'logo',
      },
      sections: [
        { header: '<b>Candidates</b>', widgets: [{ textParagraph: { text: 'Ann' } }] },
        {
          collapsible: true,
          uncollapsibleWidgetsCount: 1,
          widgets: [{ textParagraph: { text: 'one' } }, { divider: {} }, { textParagraph: { text: 'two' } }],
        },
      ],
      cardActions: [{ actionLabel: 'Open sheet', onClick: { openLink: { url: 'https://docs.google.com/x' } } }],
      name: 'call',
      fixedFooter: {
        primaryButton: { text: 'Save', type: 'FILLED', onClick: { action: { function: 'save' } } },
        secondaryButton: { text: 'Cancel', onClick: { action: { function: 'cancel' } } },
      },
      displayStyle: 'REPLACE',
    });
    expect(card.printJson()).toBe(JSON.stringify(jsonOf(card), null, 2));
  });

  test('a built card is a snapshot: later builder calls do not change it', () => {
    const { CardService: CS } = cardService();
    const section = CS.newCardSection().addWidget(CS.newTextParagraph().setText('a'));
    const builder = CS.newCardBuilder().addSection(section);
    const first = builder.build();
    section.addWidget(CS.newTextParagraph().setText('b'));
    expect(jsonOf(first).sections[0].widgets).toHaveLength(1);
    expect(jsonOf(builder.build()).sections[0].widgets).toHaveLength(2);
  });

  test('decorated text with icon, labels, wrap, a button, a switch or an end icon', () => {
    const { CardService: CS } = cardService();
    const [withButton, withSwitch, withEndIcon] = widgetsOf(
      cardOf(
        CS,
        CS.newDecoratedText()
          .setTopLabel('Client')
          .setText('<font color="#1a73e8">Acme</font>')
          .setBottomLabel('peter@acme.example')
          .setWrapText(true)
          .setIcon(CS.Icon.EMAIL)
          .setIconAltText('mail')
          .setButton(CS.newTextButton().setText('Write').setOpenLink(CS.newOpenLink().setUrl('https://mail.google.com/'))),
        CS.newDecoratedText()
          .setText('Hired')
          .setSwitchControl(
            CS.newSwitch().setFieldName('hired').setValue('yes').setSelected(true).setControlType(CS.SwitchControlType.CHECK_BOX),
          ),
        CS.newDecoratedText()
          .setText('Meet')
          .setStartIcon(CS.newIconImage().setIconUrl('https://example.com/i.png').setAltText('i').setImageCropType(CS.ImageCropType.CIRCLE))
          .setEndIcon(CS.newIconImage().setIcon(CS.Icon.VIDEO_CAMERA))
          .setOnClickAction(action(CS, 'openMeet', { call: 'CALL-1' })),
      ),
    );
    expect(withButton).toEqual({
      decoratedText: {
        startIcon: { knownIcon: 'EMAIL', altText: 'mail' },
        topLabel: 'Client',
        text: '<font color="#1a73e8">Acme</font>',
        wrapText: true,
        bottomLabel: 'peter@acme.example',
        button: { text: 'Write', onClick: { openLink: { url: 'https://mail.google.com/' } } },
      },
    });
    expect(withSwitch.decoratedText.switchControl).toEqual({ name: 'hired', value: 'yes', selected: true, controlType: 'CHECK_BOX' });
    expect(withEndIcon.decoratedText).toEqual({
      startIcon: { iconUrl: 'https://example.com/i.png', altText: 'i', imageType: 'CIRCLE' },
      text: 'Meet',
      onClick: { action: { function: 'openMeet', parameters: [{ key: 'call', value: 'CALL-1' }] } },
      endIcon: { knownIcon: 'VIDEO_CAMERA' },
    });
  });

  test('text input: single and multiple line, hint, value, suggestions, validation, on-change', () => {
    const { CardService: CS } = cardService();
    const [single, multi, suggested] = widgetsOf(
      cardOf(
        CS,
        CS.newTextInput()
          .setFieldName('price')
          .setTitle('Price')
          .setHint('Roubles per month')
          .setValue('1200')
          .setValidation(CS.newValidation().setCharacterLimit(8).setInputType(CS.InputType.INTEGER))
          .setOnChangeAction(action(CS, 'onPrice')),
        CS.newTextInput().setFieldName('comment').setTitle('Comment').setMultiline(true),
        CS.newTextInput()
          .setFieldName('messenger')
          .setTitle('Messenger')
          .setMultiline(true)
          .setSuggestions(CS.newSuggestions().addSuggestion('Telegram').addSuggestions(['WhatsApp', 'Viber'])),
      ),
    );
    expect(single).toEqual({
      textInput: {
        name: 'price',
        label: 'Price',
        hintText: 'Roubles per month',
        value: '1200',
        type: 'SINGLE_LINE',
        onChangeAction: { function: 'onPrice' },
        validation: { characterLimit: 8, inputType: 'INTEGER' },
      },
    });
    expect(multi.textInput).toEqual({ name: 'comment', label: 'Comment', type: 'MULTIPLE_LINE' });
    // "If initialSuggestions is specified, type is always SINGLE_LINE, even if it's set to MULTIPLE_LINE."
    expect(suggested.textInput.type).toBe('SINGLE_LINE');
    expect(suggested.textInput.initialSuggestions).toEqual({ items: [{ text: 'Telegram' }, { text: 'WhatsApp' }, { text: 'Viber' }] });
  });

  test.each([
    ['CHECK_BOX', [true, true]],
    ['RADIO_BUTTON', [false, true]],
    ['DROPDOWN', [true, false]],
    ['SWITCH', [false, false]],
  ])('selection input of type %s', (type, selected) => {
    const { CardService: CS } = cardService();
    const input = CS.newSelectionInput()
      .setType(CS.SelectionInputType[type])
      .setTitle('Result')
      .setFieldName('result')
      .addItem('Hired', 'hired', selected[0])
      .addItem('Refused', 'refused', selected[1]);
    const [w] = widgetsOf(cardOf(CS, input));
    expect(w).toEqual({
      selectionInput: {
        name: 'result',
        label: 'Result',
        type,
        items: [
          { text: 'Hired', value: 'hired', selected: selected[0] },
          { text: 'Refused', value: 'refused', selected: selected[1] },
        ],
      },
    });
  });

  test('addItem converts non-string primitives to strings, as documented; the default type is CHECK_BOX', () => {
    const { CardService: CS } = cardService();
    const [w] = widgetsOf(cardOf(CS, CS.newSelectionInput().setFieldName('n').addItem(3, 3, false).addItem(true, 4.5, true)));
    expect(w.selectionInput.type).toBe('CHECK_BOX');
    expect(w.selectionInput.items).toEqual([
      { text: '3', value: '3', selected: false },
      { text: 'true', value: '4.5', selected: true },
    ]);
  });

  test('date-time, date and time pickers', () => {
    const { CardService: CS } = cardService();
    const start = Date.parse('2026-11-24T07:00:00Z');
    const [dt, d, t] = widgetsOf(
      cardOf(
        CS,
        CS.newDateTimePicker().setFieldName('start').setTitle('Start').setValueInMsSinceEpoch(start).setTimeZoneOffsetInMins(180),
        CS.newDatePicker().setFieldName('startDate').setTitle('Start date').setValueInMsSinceEpoch(String(start)),
        CS.newTimePicker().setFieldName('at').setTitle('At').setHours(10).setMinutes(30),
      ),
    );
    expect(dt).toEqual({
      dateTimePicker: { name: 'start', label: 'Start', type: 'DATE_AND_TIME', valueMsEpoch: String(start), timezoneOffsetDate: 180 },
    });
    // A DatePicker keeps only the date: midnight UTC.
    expect(d.dateTimePicker).toEqual({
      name: 'startDate',
      label: 'Start date',
      type: 'DATE_ONLY',
      valueMsEpoch: String(Date.parse('2026-11-24T00:00:00Z')),
    });
    expect(t.dateTimePicker).toEqual({ name: 'at', label: 'At', type: 'TIME_ONLY', valueMsEpoch: String((10 * 60 + 30) * 60000) });
  });

  test('button set with text buttons of every style, a disabled one, an image button', () => {
    const { CardService: CS } = cardService();
    const styles = ['OUTLINED', 'FILLED', 'FILLED_TONAL', 'BORDERLESS', 'TEXT'];
    const set = CS.newButtonSet();
    for (const s of styles)
      set.addButton(
        CS.newTextButton()
          .setText(s)
          .setTextButtonStyle(CS.TextButtonStyle[s])
          .setBackgroundColor('#1a73e8')
          .setOnClickAction(action(CS, 'f', { s })),
      );
    set.addButton(CS.newTextButton().setText('Off').setDisabled(true).setAltText('disabled').setOnClickOpenLinkAction(action(CS, 'link')));
    set.addButton(
      CS.newImageButton()
        .setIcon(CS.Icon.PHONE)
        .setAltText('Call')
        .setOpenLink(CS.newOpenLink().setUrl('https://meet.google.com/abc').setOpenAs(CS.OpenAs.OVERLAY).setOnClose(CS.OnClose.RELOAD)),
    );
    const [w] = widgetsOf(cardOf(CS, set));
    const buttons = w.buttonList.buttons;
    expect(buttons.map((b: any) => [b.text, b.type, b.color])).toEqual([
      ['OUTLINED', undefined, undefined],
      // setBackgroundColor "is a no-op for OUTLINED buttons"; FILLED keeps it.
      ['FILLED', 'FILLED', { red: 0.102, green: 0.451, blue: 0.91, alpha: 1 }],
      ['FILLED_TONAL', 'FILLED_TONAL', undefined],
      ['BORDERLESS', 'BORDERLESS', undefined],
      ['TEXT', undefined, undefined],
      ['Off', undefined, undefined],
      [undefined, undefined, undefined],
    ]);
    expect(buttons[0].onClick).toEqual({ action: { function: 'f', parameters: [{ key: 's', value: 'OUTLINED' }] } });
    expect(buttons[5]).toEqual({ text: 'Off', onClick: { openDynamicLinkAction: { function: 'link' } }, disabled: true, altText: 'disabled' });
    expect(buttons[6]).toEqual({
      icon: { knownIcon: 'PHONE', altText: 'Call' },
      onClick: { openLink: { url: 'https://meet.google.com/abc', openAs: 'OVERLAY', onClose: 'RELOAD' } },
      altText: 'Call',
    });
  });

  test('a button added to a section by itself prints as a buttonList of one button', () => {
    const { CardService: CS } = cardService();
    const [w] = widgetsOf(cardOf(CS, CS.newTextButton().setText('Done').setOnClickAction(action(CS, 'markDone'))));
    expect(w).toEqual({ buttonList: { buttons: [{ text: 'Done', onClick: { action: { function: 'markDone' } } }] } });
  });

  test('action: parameters, load indicator, persist values, required widgets', () => {
    const { CardService: CS } = cardService();
    const a = CS.newAction()
      .setFunctionName('markDone')
      .setParameters({ callId: 'CALL-7', row: '12' })
      .setLoadIndicator(CS.LoadIndicator.SPINNER)
      .setPersistValues(true)
      .addRequiredWidget('comment')
      .addRequiredWidget('comment')
      .setAllWidgetsAreRequired(false);
    const [, set] = widgetsOf(
      cardOf(
        CS,
        CS.newTextInput().setFieldName('comment').setTitle('c'),
        CS.newButtonSet().addButton(CS.newTextButton().setText('Done').setOnClickAction(a)),
      ),
    );
    const btn = set.buttonList.buttons[0];
    expect(btn.onClick.action).toEqual({
      function: 'markDone',
      parameters: [
        { key: 'callId', value: 'CALL-7' },
        { key: 'row', value: '12' },
      ],
      loadIndicator: 'SPINNER',
      persistValues: true,
      requiredWidgets: ['comment'],
      allWidgetsAreRequired: false,
    });
  });

  test('image and grid', () => {
    const { CardService: CS } = cardService();
    const [img, grid] = widgetsOf(
      cardOf(
        CS,
        CS.newImage().setImageUrl('https://example.com/a.png').setAltText('a').setOnClickAction(action(CS, 'zoom')),
        CS.newGrid()
          .setTitle('Candidates')
          .setNumColumns(2)
          .setBorderStyle(CS.newBorderStyle().setType(CS.BorderType.STROKE).setCornerRadius(4).setStrokeColor('#ccc'))
          .addItem(
            CS.newGridItem()
              .setIdentifier('c1')
              .setTitle('Ann')
              .setSubtitle('operator')
              .setLayout(CS.GridItemLayout.TEXT_BELOW)
              .setTextAlignment(CS.HorizontalAlignment.CENTER)
              .setImage(
                CS.newImageComponent()
                  .setImageUrl('https://example.com/ann.png')
                  .setCropStyle(CS.newImageCropStyle().setImageCropType(CS.ImageCropType.RECTANGLE_CUSTOM).setAspectRatio(1.5)),
              ),
          )
          .setOnClickAction(action(CS, 'pick')),
      ),
    );
    expect(img).toEqual({ image: { imageUrl: 'https://example.com/a.png', altText: 'a', onClick: { action: { function: 'zoom' } } } });
    expect(grid.grid).toEqual({
      title: 'Candidates',
      items: [
        {
          id: 'c1',
          title: 'Ann',
          subtitle: 'operator',
          layout: 'TEXT_BELOW',
          textAlignment: 'CENTER',
          image: { imageUri: 'https://example.com/ann.png', cropStyle: { type: 'RECTANGLE_CUSTOM', aspectRatio: 1.5 } },
        },
      ],
      borderStyle: { type: 'STROKE', cornerRadius: 4, strokeColor: { red: 0.8, green: 0.8, blue: 0.8, alpha: 1 } },
      columnCount: 2,
      onClick: { action: { function: 'pick' } },
    });
  });

  test('enums print their names, have name() and ordinal(), and are frozen', () => {
    const { CardService: CS } = cardService();
    expect(String(CS.SelectionInputType.DROPDOWN)).toBe('DROPDOWN');
    expect(CS.TextButtonStyle.FILLED.name()).toBe('FILLED');
    expect(CS.LoadIndicator.NONE.ordinal()).toBe(1);
    expect(Object.isFrozen(CS.Icon)).toBe(true);
    expect(() => {
      'use strict';
      (CS as any).Icon.EMAIL = 'x';
    }).toThrow(TypeError);
  });

  test('works from the bundle realm: objects and arrays of a vm context, errors of its realm named Exception', () => {
    const ctx = vm.createContext({});
    const realm = vm.runInContext('({ Date, Error, Array, Object })', ctx);
    const rt = new Runtime({ realm });
    Object.assign(ctx, createCardService(rt).globals);
    const json = vm.runInContext(
      `CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(
         CardService.newButtonSet().addButton(CardService.newTextButton().setText('Go')
           .setOnClickAction(CardService.newAction().setFunctionName('go').setParameters({ id: 'A' }))))).build().printJson()`,
      ctx,
    );
    expect(JSON.parse(json).sections[0].widgets[0].buttonList.buttons[0].onClick.action.parameters).toEqual([{ key: 'id', value: 'A' }]);
    const error = vm.runInContext(`try { CardService.newCardBuilder().build() } catch (e) { e }`, ctx);
    expect(error).toBeInstanceOf(realm.Error);
    expect(error.name).toBe('Exception');
  });
});
