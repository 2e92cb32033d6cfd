import { Runtime } from '../../../workspace/runtime/runtime';
import { createCardService, CardServiceOptions } from '../../../workspace/services/card';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */
export function cardService(options: CardServiceOptions = {}): { rt: Runtime; CardService: any } {
  const rt = new Runtime({ now: new Date('2026-11-23T09:30:00Z') });
  return { rt, CardService: createCardService(rt, options).globals.CardService as any };
}

/** A card with one section holding `widgets`. */
export function cardOf(CardService: any, ...widgets: any[]): any {
  const section = CardService.newCardSection();
  for (const w of widgets) section.addWidget(w);
  return CardService.newCardBuilder().setHeader(CardService.newCardHeader().setTitle('T')).addSection(section).build();
}

export function jsonOf(card: any): any {
  return JSON.parse(card.printJson());
}

export function widgetsOf(card: any): any[] {
  return jsonOf(card).sections[0].widgets;
}

export function action(CardService: any, fn = 'onSubmit', params?: Record<string, string>): any {
  const a = CardService.newAction().setFunctionName(fn);
  return params ? a.setParameters(params) : a;
}
