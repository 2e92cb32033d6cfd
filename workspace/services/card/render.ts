/**
 * Card JSON → a plain, faithful HTML fragment of Google's card UI in the Calendar and
 * Gmail side panel (https://developers.google.com/workspace/add-ons/concepts/cards):
 * the header (image, title, subtitle, the card actions' menu), sections separated by a
 * rule with their header, collapsible sections ("Show more" beyond
 * uncollapsibleWidgetsCount), the widgets (renderWidgets.ts) inside one <form> per card,
 * the fixed footer (secondary then primary button) and notifications as a toast.
 *
 * A button submits the form with __action=<action id> (form.ts actionsOf); the host reads
 * the action and its parameters back from the card (readSubmission), never from the page,
 * and data-function / data-parameters are only there to be seen. A card whose action sets
 * Interaction.OPEN_DIALOG is drawn empty: for an add-on "the entire card is stripped and
 * nothing is shown in the client" (card.proto Action.interaction). Styles: render.css
 * beside this file (CARD_CSS_PATH, cardStylesheet()).
 */
import * as fs from 'fs';
import * as path from 'path';
import { actionsOf, FieldProblem, inputsOf, Submission } from './form';
import { escapeHtml as esc, renderRichText } from './richText';
import { buttonHtml, WidgetContext, widgetHtml } from './renderWidgets';
import { applyNavigations } from './stack';
import type { ActionResponseJson, CardHeaderJson, CardJson, OpenLinkJson, SectionJson } from './types';

/** render.css beside this module; from the bundled CLI (dist/), the same file in the source tree. */
export const CARD_CSS_PATH =
  [path.join(__dirname, 'render.css'), path.resolve(__dirname, '..', 'workspace', 'services', 'card', 'render.css')].find((p) =>
    fs.existsSync(p),
  ) ?? path.join(__dirname, 'render.css');

export function cardStylesheet(): string {
  return fs.readFileSync(CARD_CSS_PATH, 'utf8');
}

export interface RenderOptions {
  /** The user's time zone: DATE_AND_TIME pickers without an offset show their value in it. */
  timeZone?: string;
  /** 'ru…' (default) or another locale, for the panel's own words ("Show more"). */
  locale?: string;
  /** Problems of a refused submission, shown under their fields. */
  problems?: FieldProblem[];
  /** What the person typed, shown again after a refused submission. */
  values?: Submission;
  /** Prefix of element ids (several cards on one page need different ones). */
  idPrefix?: string;
  /** The form's action URL and method (default POST to the current URL). */
  formAction?: string;
  /** The manifest's openLinkUrlPrefixes: text links outside them are shown without the link. */
  linkPrefixes?: readonly string[];
}

const WORDS = {
  ru: { more: 'Ещё', less: 'Свернуть', menu: 'Ещё действия', cards: 'Карточки' },
  en: { more: 'Show more', less: 'Show less', menu: 'More actions', cards: 'Cards' },
};
const wordsFor = (locale = 'ru') => (locale.toLowerCase().startsWith('ru') ? WORDS.ru : WORDS.en);

function contextFor(card: CardJson, options: RenderOptions): WidgetContext {
  const refs = actionsOf(card);
  const inputs = [...inputsOf(card).keys()];
  const requiredBy = new Map<string, string[]>();
  for (const ref of refs) {
    const names = ref.action.allWidgetsAreRequired ? inputs : (ref.action.requiredWidgets ?? []);
    for (const name of names) requiredBy.set(name, [...(requiredBy.get(name) ?? []), ref.id]);
  }
  return {
    idPrefix: options.idPrefix ?? 'card',
    timeZone: options.timeZone ?? 'UTC',
    refs: new Map(refs.map((r) => [r.action as object, r])),
    requiredBy,
    problems: new Map((options.problems ?? []).filter((p) => p.name).map((p) => [p.name, p.message])),
    values: options.values,
    rich: { linkPrefixes: options.linkPrefixes },
  };
}

function headerHtml(header: CardHeaderJson | undefined, card: CardJson, ctx: WidgetContext, locale?: string): string {
  const menu = card.cardActions?.length
    ? `<details class="gw-card-menu"><summary title="${esc(wordsFor(locale).menu)}">⋮</summary><div class="gw-card-menu-items">${card.cardActions
        .map((a) => buttonHtml({ text: a.actionLabel, onClick: a.onClick, type: 'BORDERLESS' }, ctx, ' gw-menu-item'))
        .join('')}</div></details>`
    : '';
  if (!header) return menu ? `<div class="gw-card-header gw-no-title">${menu}</div>` : '';
  const img =
    header.imageUrl && /^https:\/\//i.test(header.imageUrl)
      ? `<img class="gw-card-image${header.imageType === 'CIRCLE' ? ' gw-circle' : ''}" src="${esc(header.imageUrl)}" alt="${esc(header.imageAltText ?? '')}">`
      : '';
  const subtitle = header.subtitle ? `<div class="gw-card-subtitle">${esc(header.subtitle)}</div>` : '';
  return `<div class="gw-card-header">${img}<div class="gw-card-titles"><div class="gw-card-title" role="heading" aria-level="1">${esc(header.title)}</div>${subtitle}</div>${menu}</div>`;
}

function sectionHtml(section: SectionJson, ctx: WidgetContext, locale?: string): string {
  const header = section.header
    ? `<div class="gw-section-header" role="heading" aria-level="2">${renderRichText(section.header, ctx.rich)}</div>`
    : '';
  const widgets = section.widgets.map((w) => widgetHtml(w, ctx));
  if (!section.collapsible) return `<section class="gw-section">${header}${widgets.join('')}</section>`;
  const shown = Math.max(0, Math.min(widgets.length, section.uncollapsibleWidgetsCount ?? 0));
  const w = wordsFor(locale);
  const hidden = widgets.slice(shown);
  const more = hidden.length
    ? `<details class="gw-collapse"><summary><span class="gw-more">${esc(w.more)}</span><span class="gw-less">${esc(w.less)}</span></summary>${hidden.join('')}</details>`
    : '';
  return `<section class="gw-section gw-collapsible">${header}${widgets.slice(0, shown).join('')}${more}</section>`;
}

function footerHtml(card: CardJson, ctx: WidgetContext): string {
  const f = card.fixedFooter;
  if (!f) return '';
  return `<div class="gw-fixed-footer">${f.secondaryButton ? buttonHtml(f.secondaryButton, ctx) : ''}${buttonHtml(f.primaryButton, ctx)}</div>`;
}

function stripped(card: CardJson): boolean {
  return actionsOf(card).some((r) => r.action.interaction === 'OPEN_DIALOG');
}

/** One card as a <form> fragment. */
export function renderCard(card: CardJson, options: RenderOptions = {}): string {
  const name = card.name ? attr('data-card-name', card.name) : '';
  if (stripped(card)) return `<div class="gw-card gw-stripped"${name}></div>`;
  const ctx = contextFor(card, options);
  const general = (options.problems ?? []).filter((p) => !p.name).map((p) => `<div class="gw-card-error" role="alert">${esc(p.message)}</div>`);
  return (
    `<form class="gw-card" method="post"${attr('action', options.formAction)}${name}${attr('data-display-style', card.displayStyle)}>` +
    headerHtml(card.header, card, ctx, options.locale) +
    `<div class="gw-card-body">${general.join('')}${card.sections.map((s) => sectionHtml(s, ctx, options.locale)).join('')}</div>` +
    footerHtml(card, ctx) +
    `</form>`
  );
}

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

/**
 * Several cards returned by a trigger: basic navigation shows their headers as a list;
 * choosing one submits __card=<index>.
 */
export function renderCardList(cards: CardJson[], options: RenderOptions = {}): string {
  if (cards.length === 1) return renderCard(cards[0], options);
  const items = cards
    .map((c, i) => {
      const title = c.header?.title ?? c.name ?? `#${i + 1}`;
      const sub = c.header?.subtitle ? `<span class="gw-card-subtitle">${esc(c.header.subtitle)}</span>` : '';
      return `<button class="gw-card-list-item" type="submit" name="__card" value="${i}"><span class="gw-card-title">${esc(title)}</span>${sub}</button>`;
    })
    .join('');
  return `<form class="gw-card gw-card-list" method="post"${attr('action', options.formAction)} aria-label="${esc(wordsFor(options.locale).cards)}">${items}</form>`;
}

/** A notification: Google shows it as a toast at the bottom of the panel. */
export function renderNotification(text: string): string {
  return `<div class="gw-toast" role="status">${esc(text)}</div>`;
}

export interface RenderedResponse {
  /** The card stack after the response's navigations. */
  stack: CardJson[];
  /** The top card of that stack, and the toast if any. */
  html: string;
  notification?: string;
  /** A link the host must open (in a new tab; OVERLAY as a popup where it can). */
  link?: OpenLinkJson;
  stateChanged: boolean;
}

/** What the panel shows after an action returned `response` while `stack` was open. */
export function renderResponse(response: ActionResponseJson, stack: readonly CardJson[], options: RenderOptions = {}): RenderedResponse {
  const action = response.renderActions.action;
  const next = action.navigations ? applyNavigations(stack, action.navigations) : [...stack];
  const top = next[next.length - 1];
  const toast = action.notification ? renderNotification(action.notification.text) : '';
  return {
    stack: next,
    html: (top ? renderCard(top, options) : '') + toast,
    notification: action.notification?.text,
    link: action.link,
    stateChanged: response.stateChanged === true,
  };
}

/** A whole page holding `fragment` in a side panel, with the stylesheet inlined (tests, previews). */
export function cardPage(fragment: string, options: { title?: string; addOnName?: string; lang?: string } = {}): string {
  const bar = options.addOnName ? `<div class="gw-panel-bar">${esc(options.addOnName)}</div>` : '';
  return `<!DOCTYPE html><html lang="${esc(options.lang ?? 'ru')}"><head><meta charset="utf-8"><title>${esc(options.title ?? options.addOnName ?? 'Card')}</title><style>${cardStylesheet()}</style></head><body class="gw-page"><div class="gw-panel">${bar}${fragment}</div></body></html>`;
}
