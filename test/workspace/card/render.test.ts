import { plainText, renderCard, renderCardList, renderCardText, renderResponse, renderRichText } from '../../../workspace/services/card';
import { action, cardService, jsonOf } from './helpers';

const { CardService: CS } = cardService();

describe('card text keeps only the formatting Google allows', () => {
  test.each([
    ['<b>bold</b> <i>it</i> <u>u</u> <s>s</s>', '<b>bold</b> <i>it</i> <u>u</u> <s>s</s>'],
    ['<font color="#ea9999">red</font>', '<font color="#ea9999">red</font>'],
    ['<FONT COLOR=red>red</FONT>', '<font color="red">red</font>'],
    ['line<br>next<br/>last', 'line<br>next<br>last'],
    [
      '<a href="https://docs.google.com/a?b=1&amp;c=2">sheet</a>',
      '<a href="https://docs.google.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">sheet</a>',
    ],
    ['<time>2026-11-24 10:00</time>', '<time>2026-11-24 10:00</time>'],
    // Everything else is text.
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<b onclick="alert(1)">x</b>', '<b>x</b>'],
    ['<a href="javascript:alert(1)">x</a>', '<span class="gw-dead-link">x</span>'],
    ['<a href="http://plain.example">x</a>', '<span class="gw-dead-link">x</span>'],
    ['<font color="red;background:url(x)">x</font>', '<font>x</font>'],
    ['<font color="red" onmouseover="alert(1)">x</font>', '<font color="red">x</font>'],
    ['"quoted" & \'single\' 5 > 3', '&quot;quoted&quot; &amp; &#39;single&#39; 5 &gt; 3'],
    ['&amp; &#8212; &lt;b&gt;', '&amp; &#8212; &lt;b&gt;'],
    // Unbalanced markup can never break out of its container.
    ['<b><i>open', '<b><i>open</i></b>'],
    ['</b>stray</i>', 'stray'],
    ['<b>a<i>b</b>c</i>', '<b>a<i>b</i></b>c'],
    ['a < b', 'a &lt; b'],
  ])('%s', (input, html) => {
    expect(renderRichText(input)).toBe(html);
  });

  test('links outside the manifest prefixes lose their link; plain text keeps unknown tags as typed', () => {
    expect(renderRichText('<a href="https://evil.example/">x</a>', { linkPrefixes: ['https://docs.google.com/'] })).toBe(
      '<span class="gw-dead-link">x</span>',
    );
    expect(plainText('<b>Acme</b> &amp; Co<br><script>x</script>')).toBe('Acme & Co\n<script>x</script>');
  });
});

function hostileCard() {
  const section = CS.newCardSection()
    .setHeader('<b>Candidates</b><script>alert("h")</script>')
    .addWidget(CS.newTextParagraph().setText('<script>alert(1)</script> <b>ok</b>'))
    .addWidget(CS.newDecoratedText().setTopLabel('<i>label</i>').setText('Acme <b>Ltd</b>').setBottomLabel('"><img src=x onerror=alert(2)>'))
    .addWidget(CS.newTextInput().setFieldName('comment').setTitle('Comment "x"').setValue('a" onfocus="alert(3)').setHint('<u>hint</u>'))
    .addWidget(CS.newSelectionInput().setFieldName('who').setTitle('Who').addItem('Ann "A" <b>', 'ann" x="1', true))
    .addWidget(
      CS.newButtonSet().addButton(
        CS.newTextButton()
          .setText('<b>Save</b>')
          .setOnClickAction(action(CS, 'save', { note: '"><script>alert(4)</script>' })),
      ),
    );
  return jsonOf(
    CS.newCardBuilder()
      .setName('x" onload="alert(5)')
      .setHeader(CS.newCardHeader().setTitle('"><img src=x onerror=alert(6)>').setSubtitle("O'Brien & Sons"))
      .addSection(section)
      .build(),
  );
}

describe('renderCard', () => {
  test('escapes everything that comes from data; keeps the allowed tags in card text', () => {
    const html = renderCard(hostileCard());
    // (Escaped text such as `onload=&quot;` is inert; the Chromium test checks the parsed DOM.)
    expect(html).not.toMatch(/<script|<img|\son\w+\s*=\s*["']/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <b>ok</b>');
    expect(html).toContain('<div class="gw-section-header" role="heading" aria-level="2"><b>Candidates</b>&lt;script&gt;');
    expect(html).toContain('Acme <b>Ltd</b>');
    // Labels, titles, hints, item texts and button texts are plain text.
    expect(html).toContain('<div class="gw-dt-top">&lt;i&gt;label&lt;/i&gt;</div>');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('value="a&quot; onfocus=&quot;alert(3)"');
    expect(html).toContain('<label for="card-comment">Comment &quot;x&quot;</label>');
    expect(html).toContain('<div class="gw-hint">&lt;u&gt;hint&lt;/u&gt;</div>');
    expect(html).toContain('value="ann&quot; x=&quot;1" checked><span>Ann &quot;A&quot; &lt;b&gt;</span>');
    expect(html).toContain('data-parameters="{&quot;note&quot;:&quot;\\&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;&quot;}"');
    expect(html).toContain('<span>&lt;b&gt;Save&lt;/b&gt;</span>');
    expect(html).toContain('data-card-name="x&quot; onload=&quot;alert(5)"');
    expect(html).toContain('<div class="gw-card-title" role="heading" aria-level="1">&quot;&gt;&lt;img src=x onerror=alert(6)&gt;</div>');
    expect(html).toContain('O&#39;Brien &amp; Sons');
  });

  test('inputs are real form fields named by the widget name; buttons submit the action id', () => {
    const save = action(CS, 'saveComment', { callId: 'CALL-7' }).addRequiredWidget('comment').setLoadIndicator(CS.LoadIndicator.NONE);
    const card = jsonOf(
      CS.newCardBuilder()
        .addSection(
          CS.newCardSection()
            .addWidget(CS.newTextInput().setFieldName('comment').setTitle('Comment').setMultiline(true).setValue('hi'))
            .addWidget(
              CS.newSelectionInput()
                .setFieldName('r')
                .setTitle('R')
                .setType(CS.SelectionInputType.DROPDOWN)
                .addItem('A', 'a', false)
                .addItem('B', 'b', true),
            )
            .addWidget(CS.newSelectionInput().setFieldName('s').setType(CS.SelectionInputType.SWITCH).addItem('On', 'on', true))
            .addWidget(CS.newDateTimePicker().setFieldName('start').setTitle('Start').setValueInMsSinceEpoch(Date.parse('2026-11-24T07:00:00Z')))
            .addWidget(CS.newDatePicker().setFieldName('day').setValueInMsSinceEpoch(Date.parse('2026-11-25T00:00:00Z')))
            .addWidget(CS.newButtonSet().addButton(CS.newTextButton().setText('Save').setOnClickAction(save))),
        )
        .build(),
    );
    const html = renderCard(card, { timeZone: 'Europe/Moscow', problems: [{ name: 'comment', message: 'Обязательное поле.' }] });
    expect(html).toMatch(/^<form class="gw-card" method="post">/);
    expect(html).toContain(
      '<textarea id="card-comment" name="comment" data-required-by="a0" aria-invalid="true" aria-describedby="card-comment-error" rows="3">hi</textarea>',
    );
    expect(html).toContain('<div class="gw-field-error" id="card-comment-error" role="alert">Обязательное поле.</div>');
    expect(html).toContain('<select id="card-r" name="r"><option value="a">A</option><option value="b" selected>B</option></select>');
    expect(html).toContain('<input type="checkbox" role="switch" name="s" value="on" checked>');
    // DATE_AND_TIME without an offset shows the user's zone: 07:00Z is 10:00 in Moscow.
    expect(html).toContain('<input type="datetime-local" id="card-start" name="start" value="2026-11-24T10:00">');
    expect(html).toContain('<input type="date" id="card-day" name="day" value="2026-11-25">');
    expect(html).toContain(
      '<button class="gw-btn gw-btn-outlined" type="submit" name="__action" value="a0" data-function="saveComment" data-parameters="{&quot;callId&quot;:&quot;CALL-7&quot;}" data-kind="click" data-load-indicator="NONE"><span>Save</span></button>',
    );
    // What the person typed is shown again after a refused submission.
    expect(renderCard(card, { values: { comment: 'typed <b>', r: 'a' } })).toContain('rows="3">typed &lt;b&gt;</textarea>');
  });

  test('collapsible sections, the fixed footer, card actions, links, and a stripped dialog card', () => {
    const card = jsonOf(
      CS.newCardBuilder()
        .setHeader(CS.newCardHeader().setTitle('Call'))
        .addSection(
          CS.newCardSection()
            .setCollapsible(true)
            .setNumUncollapsibleWidgets(1)
            .addWidget(CS.newTextParagraph().setText('shown'))
            .addWidget(CS.newTextParagraph().setText('hidden')),
        )
        .addCardAction(CS.newCardAction().setText('Open sheet').setOpenLink(CS.newOpenLink().setUrl('https://docs.google.com/s')))
        .setFixedFooter(
          CS.newFixedFooter()
            .setPrimaryButton(
              CS.newTextButton()
                .setText('Done')
                .setTextButtonStyle(CS.TextButtonStyle.FILLED)
                .setBackgroundColor('#188038')
                .setOnClickAction(action(CS, 'done')),
            )
            .setSecondaryButton(CS.newTextButton().setText('Later').setOnClickAction(action(CS, 'later'))),
        )
        .build(),
    );
    const html = renderCard(card, { locale: 'en' });
    expect(html).toContain(
      '<div class="gw-widget gw-text-paragraph">shown</div><details class="gw-collapse"><summary><span class="gw-more">Show more</span><span class="gw-less">Show less</span></summary><div class="gw-widget gw-text-paragraph">hidden</div></details>',
    );
    expect(html).toContain(
      '<a class="gw-btn gw-btn-borderless gw-menu-item" href="https://docs.google.com/s" target="_blank" rel="noopener noreferrer"><span>Open sheet</span></a>',
    );
    expect(html).toMatch(
      /<div class="gw-fixed-footer"><button class="gw-btn gw-btn-outlined"[^>]*value="a1"[^>]*><span>Later<\/span><\/button><button class="gw-btn gw-btn-filled" style="background-color: rgba\(24, 128, 56, 1\)"[^>]*value="a0"/,
    );
    const dialog = jsonOf(
      CS.newCardBuilder()
        .addSection(
          CS.newCardSection().addWidget(
            CS.newButtonSet().addButton(CS.newTextButton().setText('x').setOnClickAction(action(CS).setInteraction(CS.Interaction.OPEN_DIALOG))),
          ),
        )
        .build(),
    );
    expect(renderCard(dialog)).toBe('<div class="gw-card gw-stripped"></div>');
  });

  test('several cards show as a list of headers', () => {
    const c = (t: string) =>
      jsonOf(
        CS.newCardBuilder()
          .setHeader(CS.newCardHeader().setTitle(t).setSubtitle('s'))
          .addSection(CS.newCardSection().addWidget(CS.newTextParagraph().setText(t)))
          .build(),
      );
    const html = renderCardList([c('Calls <today>'), c('Reports')]);
    expect(html).toContain(
      '<button class="gw-card-list-item" type="submit" name="__card" value="0"><span class="gw-card-title">Calls &lt;today&gt;</span>',
    );
    expect(html).toContain('value="1"');
    expect(renderCardList([c('one')])).toBe(renderCard(c('one')));
  });

  test('an action response: navigation applied to the stack, a toast, a link to open', () => {
    const call = CS.newCardBuilder()
      .setName('call')
      .setHeader(CS.newCardHeader().setTitle('Call'))
      .addSection(CS.newCardSection().addWidget(CS.newTextParagraph().setText('c')))
      .build();
    const done = CS.newCardBuilder()
      .setName('done')
      .setHeader(CS.newCardHeader().setTitle('Done <b>'))
      .addSection(CS.newCardSection().addWidget(CS.newTextParagraph().setText('d')))
      .build();
    const response = jsonOf(
      CS.newActionResponseBuilder()
        .setNavigation(CS.newNavigation().updateCard(done))
        .setNotification(CS.newNotification().setText('Saved <script>'))
        .setStateChanged(true)
        .build(),
    );
    const out = renderResponse(response, [jsonOf(call)]);
    expect(out.stack.map((c) => c.name)).toEqual(['done']);
    expect(out.html).toContain('Done &lt;b&gt;');
    expect(out.html).toMatch(/<div class="gw-toast" role="status">Saved &lt;script&gt;<\/div>$/);
    expect([out.notification, out.stateChanged, out.link]).toEqual(['Saved <script>', true, undefined]);
    const link = jsonOf(CS.newActionResponseBuilder().setOpenLink(CS.newOpenLink().setUrl('https://docs.google.com/x')).build());
    expect(renderResponse(link, [jsonOf(call)])).toMatchObject({ link: { url: 'https://docs.google.com/x' }, stack: [{ name: 'call' }] });
  });

  test('a card as plain text for the terminal', () => {
    const card = jsonOf(
      CS.newCardBuilder()
        .setHeader(CS.newCardHeader().setTitle('Interview').setSubtitle('24 Nov 10:00'))
        .addSection(
          CS.newCardSection()
            .setHeader('<b>Candidates</b>')
            .addWidget(CS.newDecoratedText().setTopLabel('Client').setText('Acme <b>Ltd</b>'))
            .addWidget(CS.newTextInput().setFieldName('comment').setTitle('Comment'))
            .addWidget(
              CS.newSelectionInput()
                .setFieldName('r')
                .setTitle('Result')
                .setType(CS.SelectionInputType.RADIO_BUTTON)
                .addItem('Hired', 'h', true)
                .addItem('No', 'n', false),
            )
            .addWidget(CS.newButtonSet().addButton(CS.newTextButton().setText('Save').setOnClickAction(action(CS, 'save')))),
        )
        .build(),
    );
    expect(renderCardText(card)).toBe(
      [
        'INTERVIEW',
        '24 Nov 10:00',
        '',
        '— Candidates —',
        'Client',
        'Acme Ltd',
        'Comment: []  (comment)',
        'Result:  (r)',
        '  (•) Hired',
        '  ( ) No',
        '[ Save ] (a0)',
        '',
      ].join('\n'),
    );
  });
});
