/** Small helpers over CardService: every cell text is escaped (card text reads basic HTML). */
type Section = GoogleAppsScript.Card_Service.CardSection;
type Widget = GoogleAppsScript.Card_Service.Widget;

export function esc(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function section(header: string, widgets: Widget[]): Section {
  const s = CardService.newCardSection().setHeader(esc(header));
  for (const w of widgets) s.addWidget(w);
  return s;
}

/** A label over a value (DecoratedText); empty values show a dash. */
export function field(label: string, value: string, bottom = ''): Widget {
  const d = CardService.newDecoratedText()
    .setTopLabel(esc(label))
    .setText(esc(value || '—'))
    .setWrapText(true);
  return bottom ? d.setBottomLabel(esc(bottom)) : d;
}

export function paragraph(text: string): Widget {
  return CardService.newTextParagraph().setText(esc(text));
}

export function input(name: string, title: string, value: string, multiline = false): Widget {
  const t = CardService.newTextInput().setFieldName(name).setTitle(esc(title)).setMultiline(multiline);
  return value ? t.setValue(value) : t;
}

export function action(fn: string, params: Record<string, string>): GoogleAppsScript.Card_Service.Action {
  return CardService.newAction().setFunctionName(fn).setParameters(params);
}

export function button(text: string, fn: string, params: Record<string, string>, filled = false): GoogleAppsScript.Card_Service.TextButton {
  const b = CardService.newTextButton().setText(esc(text)).setOnClickAction(action(fn, params));
  return filled ? b.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : b;
}

export function buttons(...list: GoogleAppsScript.Card_Service.TextButton[]): Widget {
  const set = CardService.newButtonSet();
  for (const b of list) set.addButton(b);
  return set;
}

export function linkButton(text: string, url: string): GoogleAppsScript.Card_Service.TextButton {
  return CardService.newTextButton().setText(esc(text)).setOpenLink(CardService.newOpenLink().setUrl(url));
}

export function card(title: string, subtitle: string, sections: Section[]): GoogleAppsScript.Card_Service.Card {
  const header = CardService.newCardHeader().setTitle(esc(title));
  const b = CardService.newCardBuilder().setHeader(subtitle ? header.setSubtitle(esc(subtitle)) : header);
  for (const s of sections) b.addSection(s);
  return b.build();
}

/** A card that only says something (not connected, not staff, not a call's event). */
export function messageCard(title: string, text: string): GoogleAppsScript.Card_Service.Card {
  return card(title, '', [CardService.newCardSection().addWidget(paragraph(text))]);
}

/** The response to an action: a toast, and the card again as it now reads (or the card kept as typed). */
export function respond(text: string, next?: GoogleAppsScript.Card_Service.Card): GoogleAppsScript.Card_Service.ActionResponse {
  const r = CardService.newActionResponseBuilder().setNotification(CardService.newNotification().setText(text.slice(0, 1000)));
  if (next) r.setNavigation(CardService.newNavigation().updateCard(next)).setStateChanged(true);
  return r.build();
}
