import { readCallbackResult } from '../../../workspace/services/card';
import { cardOf, cardService } from './helpers';

const { CardService: CS } = cardService();
const card = (name: string) =>
  CS.newCardBuilder()
    .setName(name)
    .setHeader(CS.newCardHeader().setTitle(name))
    .addSection(CS.newCardSection().addWidget(CS.newTextParagraph().setText(name)))
    .build();
const cardJson = (name: string) => JSON.parse(card(name).printJson());

describe('action responses print renderActions', () => {
  test('navigation in order, a notification and state changed', () => {
    const nav = CS.newNavigation().popToRoot().pushCard(card('done')).updateCard(card('fresh')).popCard().popToNamedCard('call');
    const response = CS.newActionResponseBuilder()
      .setNavigation(nav)
      .setNotification(CS.newNotification().setText('Saved'))
      .setStateChanged(true)
      .build();
    expect(JSON.parse(response.printJson())).toEqual({
      renderActions: {
        action: {
          navigations: [
            { popToRoot: true },
            { pushCard: cardJson('done') },
            { updateCard: cardJson('fresh') },
            { popCard: true },
            { popToCard: 'call' },
          ],
          notification: { text: 'Saved' },
        },
      },
      stateChanged: true,
    });
    expect(JSON.parse(nav.printJson()).navigations).toHaveLength(5);
  });

  test('a notification alone, a link alone', () => {
    expect(JSON.parse(CS.newActionResponseBuilder().setNotification(CS.newNotification().setText('Hi')).build().printJson())).toEqual({
      renderActions: { action: { notification: { text: 'Hi' } } },
    });
    const link = CS.newOpenLink().setUrl('https://docs.google.com/spreadsheets/d/x').setOpenAs(CS.OpenAs.FULL_SIZE);
    expect(JSON.parse(CS.newActionResponseBuilder().setOpenLink(link).setStateChanged(false).build().printJson())).toEqual({
      renderActions: { action: { link: { url: 'https://docs.google.com/spreadsheets/d/x', openAs: 'FULL_SIZE' } } },
    });
  });

  test('invalid responses are refused at build()', () => {
    expect(() => CS.newActionResponseBuilder().build()).toThrow(
      'Invalid action response: set at least one of setNavigation, setNotification or setOpenLink.',
    );
    expect(() => CS.newActionResponseBuilder().setStateChanged(true).build()).toThrow('set at least one of');
    expect(() => CS.newActionResponseBuilder().setNavigation(CS.newNavigation()).build()).toThrow('a navigation needs at least one of pushCard');
    expect(() => CS.newActionResponseBuilder().setNotification(CS.newNotification()).build()).toThrow('a notification needs its text');
    const both = CS.newActionResponseBuilder()
      .setNavigation(CS.newNavigation().popCard())
      .setOpenLink(CS.newOpenLink().setUrl('https://x.example'));
    expect(() => both.build()).toThrow('a response cannot both open a link and navigate between cards');
    expect(() => CS.newActionResponseBuilder().setOpenLink(CS.newOpenLink().setUrl('http://x.example')).build()).toThrow(
      'must be an https:// link',
    );
    expect(() => CS.newNavigation().pushCard(CS.newCardBuilder())).toThrow('(CardService.CardBuilder)');
  });

  test('universal action responses: cards or a link', () => {
    const cards = CS.newUniversalActionResponseBuilder()
      .displayAddOnCards([card('a'), card('b')])
      .build();
    expect(JSON.parse(cards.printJson())).toEqual({
      renderActions: { action: { navigations: [{ pushCard: cardJson('a') }, { pushCard: cardJson('b') }] } },
    });
    const link = CS.newUniversalActionResponseBuilder().setOpenLink(CS.newOpenLink().setUrl('https://x.example')).build();
    expect(JSON.parse(link.printJson()).renderActions.action.link).toEqual({ url: 'https://x.example' });
    expect(() => CS.newUniversalActionResponseBuilder().build()).toThrow('call displayAddOnCards or setOpenLink');
    expect(() => CS.newUniversalActionResponseBuilder().displayAddOnCards([]).build()).toThrow('displayAddOnCards needs at least one card');
  });
});

describe('what the host accepts back from a callback', () => {
  test('triggers return a Card or Cards; actions an ActionResponse; universal actions either', () => {
    const c = cardOf(CS, CS.newTextParagraph().setText('x'));
    expect(readCallbackResult(c, 'homepage')).toEqual({ kind: 'cards', cards: [JSON.parse(c.printJson())] });
    expect(readCallbackResult([c, c], 'contextual')).toMatchObject({ kind: 'cards', cards: [{}, {}] });
    const response = CS.newActionResponseBuilder().setNotification(CS.newNotification().setText('ok')).build();
    expect(readCallbackResult(response, 'action')).toEqual({ kind: 'response', universal: false, response: JSON.parse(response.printJson()) });
    const universal = CS.newUniversalActionResponseBuilder().displayAddOnCards([c]).build();
    expect(readCallbackResult(universal, 'universal')).toMatchObject({ kind: 'response', universal: true });
    expect(readCallbackResult(c, 'universal')).toMatchObject({ kind: 'cards' });
  });

  test('anything else is refused with what came back', () => {
    expect(() => readCallbackResult(CS.newCardBuilder(), 'homepage', 'onHomepage')).toThrow(
      'onHomepage returned CardService.CardBuilder; a homepage function must return a Card or a non-empty array of Cards',
    );
    expect(() => readCallbackResult([], 'contextual')).toThrow('returned Object[]');
    expect(() => readCallbackResult(undefined, 'action', 'markDone')).toThrow(
      'markDone returned undefined; an action function must return an ActionResponse',
    );
    expect(() => readCallbackResult(cardOf(CS, CS.newTextParagraph().setText('x')), 'action')).toThrow('returned CardService.Card');
    const universal = CS.newUniversalActionResponseBuilder().setOpenLink(CS.newOpenLink().setUrl('https://x.example')).build();
    expect(() => readCallbackResult(universal, 'action')).toThrow('returned CardService.UniversalActionResponse');
  });
});
