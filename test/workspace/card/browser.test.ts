/**
 * A rendered card in Debian's Chromium, headless, driven by playwright-core: the call card
 * an Interview add-on would build, with hostile values typed into the workbook. Checks the
 * parsed DOM (nothing executes, allowed tags are elements, everything else text), fills
 * and submits the form and reads the submission back into formInputs as the host would,
 * and takes a screenshot (test/screenshots/, git-ignored) to look at.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { cardPage, readSubmission, renderCard, renderResponse } from '../../../workspace/services/card';
import { action, cardService, jsonOf } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '..', 'screenshots');
const describeBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

function interviewCard() {
  const { CardService: CS } = cardService();
  const save = action(CS, 'saveInterviewComment', { callId: 'CALL-2026-0042' }).addRequiredWidget('result_c1');
  const candidate = CS.newCardSection()
    .setHeader('Кандидат: <b>Анна Смирнова</b>')
    .addWidget(
      CS.newDecoratedText()
        .setTopLabel('Нужно')
        .setText('Медкнижка, <font color="#b3261e">паспорт</font>')
        .setIcon(CS.Icon.DESCRIPTION)
        .setWrapText(true),
    )
    .addWidget(
      CS.newSelectionInput()
        .setFieldName('result_c1')
        .setTitle('Результат')
        .setType(CS.SelectionInputType.DROPDOWN)
        .addItem('Принята', 'hired', false)
        .addItem('Отказ', 'refused', false)
        .addItem('Думает', 'thinking', false),
    )
    .addWidget(
      CS.newTextInput().setFieldName('comment_c1').setTitle('Комментарий').setMultiline(true).setValue('Пришла вовремя "без опозданий"'),
    )
    .addWidget(CS.newDatePicker().setFieldName('start_c1').setTitle('Дата выхода'))
    .addWidget(CS.newDecoratedText().setText('Ставка СМ').setSwitchControl(CS.newSwitch().setFieldName('sm_c1').setValue('yes')));
  const card = CS.newCardBuilder()
    .setName('call')
    .setHeader(CS.newCardHeader().setTitle('Собеседование · ORD-2026-0001').setSubtitle('24 ноября, 10:00–10:30'))
    .addSection(
      CS.newCardSection()
        .addWidget(CS.newDecoratedText().setTopLabel('Клиент').setText('Acme <script>alert("x")</script> <b>ООО</b>').setIcon(CS.Icon.PERSON))
        .addWidget(
          CS.newDecoratedText()
            .setTopLabel('Meet')
            .setText('meet.google.com/abc-defg-hij')
            .setIcon(CS.Icon.VIDEO_CAMERA)
            .setButton(CS.newTextButton().setText('Войти').setOpenLink(CS.newOpenLink().setUrl('https://meet.google.com/abc-defg-hij'))),
        ),
    )
    .addSection(candidate)
    .addSection(
      CS.newCardSection()
        .setHeader('После звонка')
        .setCollapsible(true)
        .setNumUncollapsibleWidgets(1)
        .addWidget(
          CS.newSelectionInput()
            .setFieldName('checklist')
            .setTitle('Чек-лист')
            .addItem('Отправить адрес', 'address', true)
            .addItem('Напомнить о документах', 'docs', false),
        )
        .addWidget(CS.newTextParagraph().setText('Итог записывается в лист <i>Calls</i>.')),
    )
    .setFixedFooter(
      CS.newFixedFooter()
        .setPrimaryButton(CS.newTextButton().setText('Сохранить').setTextButtonStyle(CS.TextButtonStyle.FILLED).setOnClickAction(save))
        .setSecondaryButton(
          CS.newTextButton()
            .setText('Отметить выполненным')
            .setOnClickAction(action(CS, 'markCallDone', { callId: 'CALL-2026-0042' })),
        ),
    )
    .build();
  return { CS, card: jsonOf(card) };
}

describeBrowser('a rendered card in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('looks like a side-panel card, nothing from data executes, and the form submits to the action', async () => {
    const { CS, card } = interviewCard();
    const page = await browser.newPage({ viewport: { width: 340, height: 1000 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(cardPage(renderCard(card, { timeZone: 'Europe/Moscow' }), { addOnName: 'Reglament' }));

    // The parsed DOM: the client's <script> is text, <b> and <font> are elements.
    expect(await page.locator('script').count()).toBe(0);
    const client = page.locator('.gw-dt-text').first();
    await expect(client.textContent()).resolves.toBe('Acme <script>alert("x")</script> ООО');
    expect(await client.locator('b').count()).toBe(1);
    expect(await page.locator('font[color="#b3261e"]').textContent()).toBe('паспорт');
    expect(await page.locator('textarea[name="comment_c1"]').inputValue()).toBe('Пришла вовремя "без опозданий"');
    expect(await page.locator('a.gw-btn[href="https://meet.google.com/abc-defg-hij"]').getAttribute('target')).toBe('_blank');

    await page.screenshot({ path: path.join(SHOTS, 'card-interview.png'), fullPage: true });

    // Fill the form the way a manager would, then submit with the primary button.
    await page.selectOption('select[name="result_c1"]', 'hired');
    await page.fill('textarea[name="comment_c1"]', 'Подходит, выходит в понедельник');
    await page.fill('input[name="start_c1"]', '2026-11-30');
    await page.check('input[name="sm_c1"]');
    await page.locator('details.gw-collapse summary').click();
    // The browser's own form submission data set, with the footer's primary button as submitter.
    const submitted: Record<string, string[]> = await page.evaluate(`(() => {
      const form = document.querySelector('form.gw-card');
      const button = document.querySelector('.gw-fixed-footer .gw-btn-filled');
      const out = {};
      for (const [k, v] of new FormData(form, button)) (out[k] ??= []).push(String(v));
      return out;
    })()`);
    expect(submitted.__action).toEqual(['a0']);
    const read = readSubmission(card, submitted.__action[0], submitted, { timeZone: 'Europe/Moscow' });
    expect(read).toMatchObject({ ok: true, action: { function: 'saveInterviewComment' }, parameters: { callId: 'CALL-2026-0042' } });
    expect(read.formInputs).toEqual({
      result_c1: { stringInputs: { value: ['hired'] } },
      comment_c1: { stringInputs: { value: ['Подходит, выходит в понедельник'] } },
      start_c1: { dateInput: { msSinceEpoch: String(Date.parse('2026-11-30T00:00:00Z')) } },
      sm_c1: { stringInputs: { value: ['yes'] } },
      checklist: { stringInputs: { value: ['address'] } },
    });

    // The add-on answers with a notification and an updated card; the panel shows both.
    const response = jsonOf(
      CS.newActionResponseBuilder()
        .setNavigation(
          CS.newNavigation().updateCard(
            CS.newCardBuilder()
              .setHeader(CS.newCardHeader().setTitle('Сохранено'))
              .addSection(CS.newCardSection().addWidget(CS.newTextParagraph().setText('Комментарий записан.')))
              .build(),
          ),
        )
        .setNotification(CS.newNotification().setText('Комментарий сохранён'))
        .build(),
    );
    const shown = renderResponse(response, [card]);
    await page.setContent(cardPage(shown.html, { addOnName: 'Reglament' }));
    await expect(page.locator('.gw-toast').textContent()).resolves.toBe('Комментарий сохранён');
    await expect(page.locator('.gw-card-title').textContent()).resolves.toBe('Сохранено');
    await page.screenshot({ path: path.join(SHOTS, 'card-response.png') });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a required widget left empty: the host refuses and the card shows the problem under the field', async () => {
    const { card } = interviewCard();
    const read = readSubmission(card, 'a0', { comment_c1: 'x' }, { timeZone: 'Europe/Moscow' });
    expect(read.problems).toEqual([{ name: 'result_c1', message: 'Обязательное поле.' }]);
    const page = await browser.newPage({ viewport: { width: 340, height: 700 } });
    await page.setContent(cardPage(renderCard(card, { problems: read.problems, values: { comment_c1: 'x' } })));
    await expect(page.locator('#card-result_c1-error').textContent()).resolves.toBe('Обязательное поле.');
    expect(await page.locator('select[name="result_c1"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('textarea[name="comment_c1"]').inputValue()).toBe('x');
    await page.close();
  });
});
