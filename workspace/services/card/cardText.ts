/**
 * A card as plain text for a terminal (`reglament addon` without --json, `npm start`):
 * what a person reads on the card, in order, with inputs as "Label: [value]" and buttons
 * as "[ Text ]" followed by the action id they submit. Card text formatting is dropped
 * (the allowed tags only; anything else stays as typed).
 */
import { actionsOf } from './form';
import { plainText } from './richText';
import type { ButtonJson, CardJson, OnClickJson, WidgetJson } from './types';

export function renderCardText(card: CardJson): string {
  const ids = new Map(actionsOf(card).map((r) => [r.action as object, r.id]));
  const target = (onClick: OnClickJson) =>
    'openLink' in onClick
      ? ` → ${onClick.openLink.url}`
      : ` (${ids.get('action' in onClick ? onClick.action : onClick.openDynamicLinkAction) ?? '?'})`;
  const button = (b: ButtonJson) =>
    `[ ${b.text ?? b.icon?.altText ?? b.icon?.knownIcon ?? '•'} ]${b.disabled ? ' (disabled)' : target(b.onClick)}`;
  const lines: string[] = [];
  if (card.header) lines.push(card.header.title.toUpperCase(), ...(card.header.subtitle ? [card.header.subtitle] : []));
  for (const a of card.cardActions ?? []) lines.push(`⋮ ${a.actionLabel}${target(a.onClick)}`);
  for (const section of card.sections) {
    lines.push('');
    if (section.header) lines.push(`— ${plainText(section.header)} —`);
    for (const w of section.widgets) lines.push(...widgetLines(w, button));
  }
  const f = card.fixedFooter;
  if (f)
    lines.push(
      '',
      [f.secondaryButton, f.primaryButton]
        .filter((b): b is ButtonJson => !!b)
        .map(button)
        .join('  '),
    );
  return lines.join('\n').replace(/^\n+/, '') + '\n';
}

function widgetLines(w: WidgetJson, button: (b: ButtonJson) => string): string[] {
  if ('textParagraph' in w) return plainText(w.textParagraph.text).split('\n');
  if ('decoratedText' in w) {
    const d = w.decoratedText;
    const control = d.button
      ? `  ${button(d.button)}`
      : d.switchControl
        ? `  [${d.switchControl.selected ? 'x' : ' '}] ${d.switchControl.name}`
        : '';
    return [...(d.topLabel ? [d.topLabel] : []), `${plainText(d.text)}${control}`, ...(d.bottomLabel ? [`  ${d.bottomLabel}`] : [])];
  }
  if ('textInput' in w) return [`${w.textInput.label ?? w.textInput.name}: [${w.textInput.value ?? ''}]  (${w.textInput.name})`];
  if ('selectionInput' in w) {
    const s = w.selectionInput;
    const mark = s.type === 'RADIO_BUTTON' || s.type === 'DROPDOWN' ? ['( )', '(•)'] : ['[ ]', '[x]'];
    return [`${s.label ?? s.name}:  (${s.name})`, ...s.items.map((i) => `  ${mark[i.selected ? 1 : 0]} ${i.text}`)];
  }
  if ('dateTimePicker' in w) {
    const p = w.dateTimePicker;
    const value = p.valueMsEpoch ? new Date(Number(p.valueMsEpoch)).toISOString().replace('.000Z', 'Z') : '';
    return [`${p.label ?? p.name}: [${value}]  (${p.name})`];
  }
  if ('buttonList' in w) return [w.buttonList.buttons.map(button).join('  ')];
  if ('divider' in w) return ['────────'];
  if ('image' in w) return [`[image: ${w.image.altText ?? w.image.imageUrl}]`];
  if ('grid' in w) return [...(w.grid.title ? [w.grid.title] : []), ...w.grid.items.map((i) => `  ▢ ${i.title ?? i.id ?? ''}`)];
  return [];
}
