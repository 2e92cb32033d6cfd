import { cardService, action, cardOf } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */

const { CardService: CS } = cardService();
const para = (text = 'x') => CS.newTextParagraph().setText(text);
const build =
  (...widgets: any[]) =>
  () =>
    cardOf(CS, ...widgets);
const button = (text = 'Go') => CS.newTextButton().setText(text).setOnClickAction(action(CS));

describe('CardService refuses what Google refuses', () => {
  test('signature errors: wrong types, enums as strings, wrong builders, wrong argument counts', () => {
    expect(() => CS.newTextInput().setTitle(5)).toThrow(
      "The parameters (number) don't match the method signature for CardService.TextInput.setTitle.",
    );
    expect(() => CS.newTextInput().setFieldName()).toThrow(
      "The parameters () don't match the method signature for CardService.TextInput.setFieldName.",
    );
    expect(() => CS.newTextInput().setFieldName(null)).toThrow('The parameters (null) ');
    expect(() => CS.newSelectionInput().setType('DROPDOWN')).toThrow(
      "The parameters (String) don't match the method signature for CardService.SelectionInput.setType.",
    );
    expect(() => CS.newTextButton().setTextButtonStyle(CS.SelectionInputType.DROPDOWN)).toThrow(
      "The parameters (CardService.SelectionInputType) don't match the method signature for CardService.TextButton.setTextButtonStyle.",
    );
    expect(() => CS.newCardSection().addWidget(CS.newCardSection())).toThrow(
      "The parameters (CardService.CardSection) don't match the method signature for CardService.CardSection.addWidget.",
    );
    // A Switch "can only be used within a DecoratedText widget".
    expect(() => CS.newCardSection().addWidget(CS.newSwitch())).toThrow('(CardService.Switch)');
    expect(() => CS.newCardSection().addWidget({ textParagraph: { text: 'forged' } })).toThrow('(Object)');
    expect(() => CS.newTextParagraph().setText('a', 'b')).toThrow('(String,String)');
    expect(() => CS.newCardSection().setNumUncollapsibleWidgets(1.5)).toThrow('(number)');
    expect(() => CS.newTextButton().setOnClickAction(CS.newOpenLink())).toThrow('(CardService.OpenLink)');
    expect(() => CS.newUniversalActionResponseBuilder().displayAddOnCards([CS.newCardBuilder()])).toThrow('(CardService.CardBuilder[])');
  });

  test('invalid arguments: parameters must be strings, colors #rgb, numbers in range', () => {
    expect(() => CS.newAction().setParameters({ row: 12 })).toThrow('Invalid argument: parameters');
    expect(() => CS.newTextButton().setBackgroundColor('blue')).toThrow('Invalid argument: backgroundColor');
    expect(() => CS.newTextButton().setBackgroundColor('#12345')).toThrow('Invalid argument: backgroundColor');
    expect(() => CS.newValidation().setCharacterLimit(0)).toThrow('Invalid argument: characterLimit');
    expect(() => CS.newDateTimePicker().setValueInMsSinceEpoch('tomorrow')).toThrow('Invalid argument: valueMsEpoch');
    expect(() => CS.newDateTimePicker().setTimeZoneOffsetInMins(15 * 60)).toThrow('Invalid argument: timeZoneOffsetMins');
    expect(() => CS.newTimePicker().setHours(24)).toThrow('Invalid argument: hours');
    expect(() => CS.newTimePicker().setMinutes(60)).toThrow('Invalid argument: minutes');
    expect(() => CS.newCardSection().setNumUncollapsibleWidgets(-1)).toThrow('Invalid argument: numUncollapsibleWidgets');
    expect(() => CS.newSelectionInput().setMultiSelectMaxSelectedItems(0)).toThrow('Invalid argument: maxSelectedItems');
  });

  test('documented limits: 100 sections per card, 100 widgets per section, 100 widgets per card, 100 items', () => {
    const builder = CS.newCardBuilder();
    for (let i = 0; i < 100; i++) builder.addSection(CS.newCardSection().addWidget(para()));
    expect(() => builder.addSection(CS.newCardSection().addWidget(para()))).toThrow("You can't add more than 100 sections to a card.");
    // 100 sections of one widget each is the per-card maximum of 100 widgets.
    expect(() => builder.build()).not.toThrow();

    const section = CS.newCardSection();
    for (let i = 0; i < 100; i++) section.addWidget(para());
    expect(() => section.addWidget(para())).toThrow("You can't add more than 100 widgets to a card section.");

    const spread = CS.newCardBuilder();
    for (let s = 0; s < 3; s++) {
      const sec = CS.newCardSection();
      for (let i = 0; i < 40; i++) sec.addWidget(para());
      spread.addSection(sec);
    }
    expect(() => spread.build()).toThrow('Invalid card: a card can have up to 100 widgets; this one has 120');

    const input = CS.newSelectionInput().setFieldName('many');
    for (let i = 0; i < 101; i++) input.addItem(`i${i}`, `v${i}`, false);
    expect(build(input)).toThrow('a selection input supports up to 100 items; this one has 101');
  });

  test('required fields at build(): header title, section widgets, texts, field names, titles, function names', () => {
    expect(() => CS.newCardBuilder().build()).toThrow('Invalid card: card (CardBuilder): a card needs at least one section (addSection).');
    expect(() =>
      CS.newCardBuilder().setHeader(CS.newCardHeader().setSubtitle('s')).addSection(CS.newCardSection().addWidget(para())).build(),
    ).toThrow('Invalid card: header (CardHeader): the title is required (setTitle).');
    expect(() => CS.newCardBuilder().addSection(CS.newCardSection()).build()).toThrow(
      'sections[0] (CardSection): a section must contain at least one widget',
    );
    expect(build(CS.newTextParagraph())).toThrow('sections[0].widgets[0] (TextParagraph): the text is required (setText).');
    expect(build(CS.newDecoratedText().setTopLabel('l'))).toThrow('(DecoratedText): the text is required (setText)');
    expect(build(CS.newTextInput().setTitle('Comment'))).toThrow(
      'Invalid card: sections[0].widgets[0] (TextInput): the field name is required (setFieldName).',
    );
    expect(build(CS.newTextInput().setFieldName('c'))).toThrow('(TextInput): the title is required (setTitle)');
    expect(build(CS.newSelectionInput().addItem('a', 'a', false))).toThrow('(SelectionInput): the field name is required');
    expect(build(CS.newDateTimePicker().setTitle('t'))).toThrow('(DateTimePicker): the field name is required');
    expect(build(CS.newDatePicker())).toThrow('(DatePicker): the field name is required');
    expect(build(CS.newButtonSet().addButton(CS.newTextButton().setText('Go').setOnClickAction(CS.newAction())))).toThrow(
      'sections[0].widgets[0].buttons[0].onClick.action (Action): the function name is required (setFunctionName).',
    );
    expect(build(CS.newButtonSet().addButton(CS.newTextButton().setOnClickAction(action(CS))))).toThrow(
      '(TextButton): the button text is required (setText)',
    );
    expect(build(CS.newButtonSet().addButton(CS.newTextButton().setText('Go')))).toThrow('(TextButton): a button needs an onClick');
    expect(build(CS.newButtonSet().addButton(CS.newImageButton().setOnClickAction(action(CS))))).toThrow(
      '(ImageButton): an icon needs setIcon or setIconUrl',
    );
    expect(build(CS.newButtonSet())).toThrow('(ButtonSet): a button set needs at least one button');
    expect(build(CS.newImage())).toThrow('(Image): the image URL is required');
    expect(build(CS.newGrid())).toThrow('(Grid): a grid needs at least one item');
    expect(build(CS.newDecoratedText().setText('x').setSwitchControl(CS.newSwitch().setValue('on')))).toThrow(
      '(Switch): the field name is required',
    );
    expect(build(CS.newDecoratedText().setText('x').setSwitchControl(CS.newSwitch().setFieldName('s')))).toThrow(
      '(Switch): the value sent when the switch is on is required',
    );
    const noText = CS.newCardBuilder()
      .addSection(CS.newCardSection().addWidget(para()))
      .addCardAction(CS.newCardAction().setOpenLink(CS.newOpenLink().setUrl('https://x.example')));
    expect(() => noText.build()).toThrow('cardActions[0] (CardAction): the text is required');
  });

  test('field names are unique across the whole card', () => {
    const card = () =>
      CS.newCardBuilder()
        .addSection(CS.newCardSection().addWidget(CS.newTextInput().setFieldName('comment').setTitle('a')))
        .addSection(
          CS.newCardSection().addWidget(
            CS.newDecoratedText().setText('x').setSwitchControl(CS.newSwitch().setFieldName('comment').setValue('on')),
          ),
        )
        .build();
    expect(card).toThrow(
      'sections[1].widgets[0].switchControl (Switch): the field name "comment" is already used by sections[0].widgets[0]; field names must be unique.',
    );
  });

  test('only one click behaviour, one decorated-text control', () => {
    const twoClicks = CS.newTextButton().setText('Go').setOnClickAction(action(CS)).setOpenLink(CS.newOpenLink().setUrl('https://x.example'));
    expect(build(CS.newButtonSet().addButton(twoClicks))).toThrow(
      'only one of setOnClickAction, setOnClickOpenLinkAction, setOpenLink, setAuthorizationAction or setComposeAction may be set',
    );
    const twoControls = CS.newDecoratedText().setText('x').setButton(button()).setEndIcon(CS.newIconImage().setIcon(CS.Icon.STAR));
    expect(build(twoControls)).toThrow('only one of setButton, setSwitchControl or setEndIcon may be set (got button, endIcon)');
  });

  test('selection inputs: one selected item for radio and dropdown, unique values, items required', () => {
    for (const type of ['RADIO_BUTTON', 'DROPDOWN']) {
      const input = CS.newSelectionInput()
        .setFieldName('r')
        .setType(CS.SelectionInputType[type])
        .addItem('a', 'a', true)
        .addItem('b', 'b', true);
      expect(build(input)).toThrow(`a ${type} input allows one selected item; 2 are selected`);
    }
    expect(build(CS.newSelectionInput().setFieldName('r').addItem('a', 'v', false).addItem('b', 'v', false))).toThrow(
      'two items have the value "v"',
    );
    expect(build(CS.newSelectionInput().setFieldName('r'))).toThrow('a selection input needs at least one item');
    const multi = CS.newSelectionInput().setFieldName('m').setType(CS.SelectionInputType.MULTI_SELECT);
    for (let i = 0; i < 4; i++) multi.addMultiSelectItem(`n${i}`, `v${i}`, true, '', '');
    expect(build(multi)).toThrow('4 items are preselected but at most 3 may be selected');
    expect(build(CS.newSelectionInput().setFieldName('c').addMultiSelectItem('a', 'a', false, 'https://x.example/i.png', 'b'))).toThrow(
      'addMultiSelectItem is only for SelectionInputType.MULTI_SELECT',
    );
  });

  test('links and images must be https (openLinkUrlPrefixes are HTTPS), and inside the prefixes when given', () => {
    const link = (url: string) => CS.newButtonSet().addButton(CS.newTextButton().setText('Open').setOpenLink(CS.newOpenLink().setUrl(url)));
    expect(build(link('http://example.com'))).toThrow('the URL "http://example.com" must be an https:// link');
    expect(build(link('javascript:alert(1)'))).toThrow('must be an https:// link');
    expect(build(CS.newButtonSet().addButton(CS.newTextButton().setText('Open').setOpenLink(CS.newOpenLink())))).toThrow(
      '(OpenLink): the URL is required',
    );
    expect(build(CS.newImage().setImageUrl('http://example.com/a.png'))).toThrow('must be an https:// URL');
    expect(() =>
      CS.newCardBuilder()
        .setHeader(CS.newCardHeader().setTitle('t').setImageUrl('data:image/png;base64,AA'))
        .addSection(CS.newCardSection().addWidget(para()))
        .build(),
    ).toThrow('must be an https:// URL');
    const strict = cardService({ openLinkUrlPrefixes: ['https://docs.google.com/'] }).CardService;
    const outside = () =>
      cardOf(
        strict,
        strict.newButtonSet().addButton(strict.newTextButton().setText('o').setOpenLink(strict.newOpenLink().setUrl('https://evil.example/'))),
      );
    expect(outside).toThrow("matches none of the manifest's openLinkUrlPrefixes");
  });

  test('fixed footer: primary required and FILLED, secondary OUTLINED, secondary before primary does nothing', () => {
    const withFooter = (footer: any) => () =>
      CS.newCardBuilder().addSection(CS.newCardSection().addWidget(para())).setFixedFooter(footer).build();
    const filled = () => button('Save').setTextButtonStyle(CS.TextButtonStyle.FILLED);
    expect(withFooter(CS.newFixedFooter())).toThrow('fixedFooter (FixedFooter): a fixed footer needs a primary button');
    expect(withFooter(CS.newFixedFooter().setPrimaryButton(button()))).toThrow(
      'the primary button must be a TextButtonStyle.FILLED button (it is OUTLINED)',
    );
    expect(withFooter(CS.newFixedFooter().setPrimaryButton(filled()).setSecondaryButton(filled()))).toThrow(
      'the secondary button must be a TextButtonStyle.OUTLINED button (it is FILLED)',
    );
    const early = CS.newFixedFooter().setSecondaryButton(button('Later')).setPrimaryButton(filled());
    expect(JSON.parse(withFooter(early)().printJson()).fixedFooter.secondaryButton).toBeUndefined();
  });

  test('builders Google offers but the fake does not build fail loudly', () => {
    expect(() => CS.newKeyValue()).toThrow('CardService.newKeyValue is not supported by the local CardService');
    expect(() => CS.newTextButton().setAuthorizationAction(CS.newAction())).toThrow('TextButton.setAuthorizationAction is not supported');
    expect(() => CS.newAction().setMethodName('f')).toThrow('deprecated: use setFunctionName');
  });
});
