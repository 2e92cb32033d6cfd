/**
 * Action, OpenLink and the click slot that buttons, decorated texts, images and grids share.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/action,
 * .../open-link, .../text-button):
 * - Action.setFunctionName is "Required"; setParameters: "Both keys and values must be
 *   strings" (a non-string value throws "Invalid argument: parameters").
 * - addRequiredWidget / setAllWidgetsAreRequired are kept in the JSON (requiredWidgets,
 *   allWidgetsAreRequired) and enforced when a form is submitted (form.ts).
 * - A clickable object "can only have one of setOpenLink(openLink), setOnClickAction(action),
 *   setOnClickOpenLinkAction(action), setAuthorizationAction(action), or
 *   setComposeAction(action, composedEmailType) set": build() refuses two of them.
 * - OpenLink.setUrl is required. Links must match the manifest's openLinkUrlPrefixes,
 *   which Google requires to be HTTPS prefixes; Google checks when the link is opened,
 *   here build() refuses a URL that is not https:// (or outside the prefixes given to
 *   createCardService) — the stricter reading, so a dead link never passes a local test.
 * Not supported locally (they throw a clear error rather than pretend): authorization and
 * compose actions, Action.setMethodName (deprecated, "DO NOT USE").
 */
import { CardCtx, TYPE_LABEL } from './args';
import { BuildScope, Builder, defined, SERIALIZE } from './base';
import { MSG } from './messages';
import type { ActionJson, OnClickJson, OpenLinkJson } from './types';

type GAction = GoogleAppsScript.Card_Service.Action;

export class FakeAction extends Builder implements GAction {
  readonly [TYPE_LABEL] = 'CardService.Action';
  private functionName?: string;
  private parameters?: Record<string, string>;
  private loadIndicator?: string;
  private persistValues?: boolean;
  private interaction?: string;
  private required: string[] = [];
  private allRequired?: boolean;

  setFunctionName(...args: [functionName: string]): this {
    const [functionName] = args;
    this.c.check('Action.setFunctionName', args, ['String']);
    this.functionName = functionName;
    return this;
  }

  setParameters(...args: [parameters: { [key: string]: string }]): this {
    const [parameters] = args;
    this.c.check('Action.setParameters', args, ['Object']);
    const copy: Record<string, string> = {};
    for (const [k, v] of Object.entries(parameters)) {
      if (typeof v !== 'string') throw this.c.invalid('parameters');
      copy[k] = v;
    }
    this.parameters = copy;
    return this;
  }

  setLoadIndicator(...args: [loadIndicator: unknown]): this {
    const [loadIndicator] = args;
    this.c.check('Action.setLoadIndicator', args, [{ enum: 'LoadIndicator' }]);
    this.loadIndicator = String(loadIndicator);
    return this;
  }

  setPersistValues(...args: [persistValues: boolean]): this {
    const [persistValues] = args;
    this.c.check('Action.setPersistValues', args, ['Boolean']);
    this.persistValues = persistValues;
    return this;
  }

  setInteraction(...args: [interaction: unknown]): this {
    const [interaction] = args;
    this.c.check('Action.setInteraction', args, [{ enum: 'Interaction' }]);
    this.interaction = String(interaction) === 'OPEN_DIALOG' ? 'OPEN_DIALOG' : undefined;
    return this;
  }

  addRequiredWidget(...args: [requiredWidget: string]): this {
    const [requiredWidget] = args;
    this.c.check('Action.addRequiredWidget', args, ['String']);
    if (!this.required.includes(requiredWidget)) this.required.push(requiredWidget);
    return this;
  }

  setAllWidgetsAreRequired(...args: [allWidgetsAreRequired: boolean]): this {
    const [allWidgetsAreRequired] = args;
    this.c.check('Action.setAllWidgetsAreRequired', args, ['Boolean']);
    this.allRequired = allWidgetsAreRequired;
    return this;
  }

  setMethodName(): this {
    throw this.c.error(MSG.notSupported('Action.setMethodName (deprecated: use setFunctionName)'));
  }

  [SERIALIZE](path: string): ActionJson {
    if (!this.functionName) throw this.fail(path, 'the function name is required (setFunctionName)');
    return defined({
      function: this.functionName,
      parameters: this.parameters && Object.entries(this.parameters).map(([key, value]) => ({ key, value })),
      loadIndicator: this.loadIndicator as ActionJson['loadIndicator'],
      persistValues: this.persistValues,
      interaction: this.interaction as ActionJson['interaction'],
      requiredWidgets: this.required.length ? [...this.required] : undefined,
      allWidgetsAreRequired: this.allRequired,
    });
  }
}

export class FakeOpenLink extends Builder implements GoogleAppsScript.Card_Service.OpenLink {
  readonly [TYPE_LABEL] = 'CardService.OpenLink';
  private url?: string;
  private openAs?: string;
  private onClose?: string;

  setUrl(...args: [url: string]): this {
    const [url] = args;
    this.c.check('OpenLink.setUrl', args, ['String']);
    this.url = url;
    return this;
  }

  setOpenAs(...args: [openAs: unknown]): this {
    const [openAs] = args;
    this.c.check('OpenLink.setOpenAs', args, [{ enum: 'OpenAs' }]);
    this.openAs = String(openAs);
    return this;
  }

  setOnClose(...args: [onClose: unknown]): this {
    const [onClose] = args;
    this.c.check('OpenLink.setOnClose', args, [{ enum: 'OnClose' }]);
    this.onClose = String(onClose);
    return this;
  }

  [SERIALIZE](path: string, scope: BuildScope): OpenLinkJson {
    if (!this.url) throw this.fail(path, 'the URL is required (setUrl)');
    if (!/^https:\/\/[^\s/]+/i.test(this.url))
      throw this.fail(path, `the URL "${this.url}" must be an https:// link (openLinkUrlPrefixes must use HTTPS)`);
    const prefixes = scope.openLinkUrlPrefixes;
    if (prefixes && !prefixes.some((p) => this.url!.startsWith(p)))
      throw this.fail(path, `the URL "${this.url}" matches none of the manifest's openLinkUrlPrefixes`);
    return defined({
      url: this.url,
      openAs: this.openAs as OpenLinkJson['openAs'],
      onClose: this.onClose as OpenLinkJson['onClose'],
    });
  }
}

type ClickKind = 'action' | 'openLink' | 'openDynamicLinkAction';

/** The one click behaviour of a button, decorated text, image, grid or card action. */
export class ClickSlot {
  private set = new Map<ClickKind, FakeAction | FakeOpenLink>();

  constructor(private readonly c: CardCtx) {}

  action(method: string, args: ArrayLike<unknown>, action: unknown): void {
    this.c.check(method, args, [{ of: FakeAction }]);
    this.set.set('action', action as FakeAction);
  }

  dynamicLink(method: string, args: ArrayLike<unknown>, action: unknown): void {
    this.c.check(method, args, [{ of: FakeAction }]);
    this.set.set('openDynamicLinkAction', action as FakeAction);
  }

  link(method: string, args: ArrayLike<unknown>, openLink: unknown): void {
    this.c.check(method, args, [{ of: FakeOpenLink }]);
    this.set.set('openLink', openLink as FakeOpenLink);
  }

  get isSet(): boolean {
    return this.set.size > 0;
  }

  json(path: string, scope: BuildScope, fail: (what: string) => Error): OnClickJson | undefined {
    if (this.set.size > 1)
      throw fail('only one of setOnClickAction, setOnClickOpenLinkAction, setOpenLink, setAuthorizationAction or setComposeAction may be set');
    const [entry] = [...this.set.entries()];
    if (!entry) return undefined;
    const [kind, target] = entry;
    if (target instanceof FakeOpenLink) return { openLink: target[SERIALIZE](`${path}.onClick.openLink`, scope) };
    const action = target[SERIALIZE](`${path}.onClick.${kind}`);
    return kind === 'action' ? { action } : { openDynamicLinkAction: action };
  }
}

/** Authorization and compose actions are not faked; refusing them beats pretending. */
export function unsupportedClick(c: CardCtx, what: string): never {
  throw c.error(MSG.notSupported(what));
}
