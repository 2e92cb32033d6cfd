/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs, recorded in the UI log.
 * https://developers.google.com/apps-script/reference/base/ui
 * Reproduced: getUi() throws "Cannot call SpreadsheetApp.getUi() from this context." from a
 * time-driven trigger (the text every trigger-failure report quotes); alert(prompt),
 * alert(prompt, buttons) and alert(title, prompt, buttons) return the button pressed — by
 * default OK (or YES for YES_NO sets), or what the test's responder says.
 */
import { Ctx, MenuEntry, UiEvent } from './ctx';
import { Button, ButtonSet, EnumValue, member } from './enums';

interface HtmlLike {
  getContent?: () => string;
  getTitle?: () => string;
}

function html(output: unknown): { title: string; content: string } {
  const o = (output ?? {}) as HtmlLike;
  return {
    title: typeof o.getTitle === 'function' ? String(o.getTitle() ?? '') : '',
    content: typeof o.getContent === 'function' ? String(o.getContent()) : String(output),
  };
}

export class Menu {
  private items: MenuEntry[] = [];
  constructor(
    private ctx: Ctx,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): Menu {
    this.ctx.rt.call('Menu.addItem');
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this.ctx.rt.call('Menu.addSeparator');
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this.ctx.rt.call('Menu.addSubMenu');
    this.items.push({ caption: menu.caption, items: menu.entries() });
    return this;
  }
  entries(): MenuEntry[] {
    return this.items.slice();
  }
  addToUi(): void {
    this.ctx.rt.call('Menu.addToUi');
    this.ctx.uiLog.push({ kind: 'menu', title: this.caption, content: '', items: this.entries(), at: this.ctx.rt.now() });
  }
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private ctx: Ctx) {}

  private record(event: Omit<UiEvent, 'at'>): UiEvent {
    const e: UiEvent = { ...event, at: this.ctx.rt.now() };
    this.ctx.uiLog.push(e);
    return e;
  }

  private answer(e: UiEvent): { button: string; text: string } {
    const given = this.ctx.responder?.(e) ?? {};
    const fallback = e.buttons === 'YES_NO' || e.buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
    const button = given.button ?? fallback;
    e.response = button;
    return { button, text: given.text ?? '' };
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(a: unknown, b?: unknown, c?: unknown): EnumValue {
    this.ctx.rt.call('Ui.alert');
    const titled = typeof b === 'string';
    const e = this.record({
      kind: 'alert',
      title: titled ? String(a) : '',
      content: titled ? String(b) : String(a),
      buttons: String((titled ? c : b) ?? 'OK'),
    });
    return member(Button, this.answer(e).button);
  }

  prompt(a: unknown, b?: unknown, c?: unknown): object {
    this.ctx.rt.call('Ui.prompt');
    const titled = typeof b === 'string';
    const e = this.record({
      kind: 'prompt',
      title: titled ? String(a) : '',
      content: titled ? String(b) : String(a),
      buttons: String((titled ? c : b) ?? 'OK'),
    });
    const { button, text } = this.answer(e);
    return { getResponseText: () => text, getSelectedButton: () => member(Button, button) };
  }

  createMenu(caption: string): Menu {
    this.ctx.rt.call('Ui.createMenu');
    return new Menu(this.ctx, String(caption));
  }

  createAddonMenu(): Menu {
    this.ctx.rt.call('Ui.createAddonMenu');
    return new Menu(this.ctx, '');
  }

  showSidebar(output: unknown): void {
    this.ctx.rt.call('Ui.showSidebar');
    this.record({ kind: 'sidebar', ...html(output) });
  }

  showModalDialog(output: unknown, title: string): void {
    this.ctx.rt.call('Ui.showModalDialog');
    this.record({ kind: 'modalDialog', ...html(output), title: String(title) });
  }

  showModelessDialog(output: unknown, title: string): void {
    this.ctx.rt.call('Ui.showModelessDialog');
    this.record({ kind: 'modelessDialog', ...html(output), title: String(title) });
  }
}
