/**
 * The Workspace add-on on the local Workspace: build/addon/Code.js loaded (gas-local, as the
 * engine's bundle is) into a context of its own — it is another Apps Script project — and
 * run as Google runs an add-on: as the signed-in person, with the event object of the
 * Calendar event or Gmail message they opened, and only the services its scopes allow.
 *
 * The add-on's context holds SpreadsheetApp (the same workbook; getActiveSpreadsheet() is
 * null, as in Calendar and Gmail), Session, Utilities, Logger, its own PropertiesService and
 * LockService (addon-properties.json, addon-locks.json: a project's stores are its own),
 * CardService and a GmailApp of the opened message's metadata. No MailApp, Calendar,
 * CalendarApp, ScriptApp or HtmlService: the add-on's manifest asks no scope for them, so a
 * call to one fails here as it would on Google.
 *
 * Connecting it (what the admin does at deployment): the add-on's script properties name the
 * spreadsheet and hold the queue's secret, which the engine's script properties hold too.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { defaultBundleDir, loadBundle, LocalWorkspace } from '../runtime/workspace';
import { Realm } from '../runtime/runtime';
import { createPropertiesService } from '../services/properties';
import { createLockService, LockFake } from '../services/lock';
import { createGmailService, accessTokenOf, OpenedMessage } from '../services/gmail';
import {
  actionsOf,
  actionEvent,
  addonEvent,
  AddonEvent,
  CardJson,
  createCardService,
  EventAccess,
  HostResult,
  readCallbackResult,
  readSubmission,
  Submission,
  FieldProblem,
} from '../services/card';
import { defaultSubmission } from '../services/card/defaults';

export const SPREADSHEET_PROPERTY = 'REGLAMENT_SPREADSHEET_ID';
export const SECRET_PROPERTY = 'REGLAMENT_ADDON_SECRET';

export interface AddonManifest {
  addOns: {
    common: { openLinkUrlPrefixes?: string[]; homepageTrigger?: { runFunction: string } };
    calendar: { eventOpenTrigger: { runFunction: string }; currentEventAccess?: EventAccess };
    gmail: { contextualTriggers: Array<{ onTriggerFunction: string }> };
  };
}

export function defaultAddonDir(): string {
  return path.join(defaultBundleDir(), 'addon');
}

/** A user error of the add-on command (exit 2). */
export class AddonInputError extends Error {}

/** What the person opened: a Calendar event, a Gmail message, or nothing (the homepage). */
export type Opened = { kind: 'calendar'; eventId: string } | { kind: 'gmail'; message: OpenedMessage } | { kind: 'homepage' };

export interface Shown {
  fn: string;
  event: AddonEvent;
  cards: CardJson[];
}

export interface Acted {
  fn: string;
  response: Extract<HostResult, { kind: 'response' }>['response'];
  /** The product refused: nothing changed (no navigation, stateChanged false). */
  refused: boolean;
  problems: FieldProblem[];
}

export class AddonHost {
  private constructor(
    readonly ws: LocalWorkspace,
    readonly ctx: vm.Context,
    readonly manifest: AddonManifest,
    private readonly lock: LockFake,
    private readonly realm: Realm,
    private readonly opened: Opened,
    readonly user: string,
  ) {}

  static open(ws: LocalWorkspace, opened: Opened, user: string, bundleDir = defaultAddonDir()): AddonHost {
    const manifestFile = path.join(bundleDir, 'appsscript.json');
    if (!fs.existsSync(manifestFile)) throw new Error(`no add-on bundle at ${bundleDir}: run "npm run build" first`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as AddonManifest;
    const rt = ws.rt;
    const engine = ws.ctx as Record<string, unknown>;
    const SpreadsheetApp = Object.create(engine.SpreadsheetApp as object, {
      // Calendar and Gmail have no active spreadsheet: the add-on opens it by ID.
      getActiveSpreadsheet: { value: () => null },
      getActive: { value: () => null },
    });
    const lock = createLockService(rt, 'addon-locks.json');
    const globals: Record<string, unknown> = {
      SpreadsheetApp,
      Session: engine.Session,
      Utilities: engine.Utilities,
      Logger: engine.Logger,
      console: engine.console,
      ...createPropertiesService(rt, 'addon-properties.json').globals,
      ...lock.globals,
      ...createCardService(rt, { openLinkUrlPrefixes: manifest.addOns.common.openLinkUrlPrefixes ?? [] }).globals,
      ...createGmailService(rt, opened.kind === 'gmail' ? opened.message : null).globals,
    };
    const ctx = loadBundle(bundleDir, globals, () => rt.clock.nowMs());
    const realm = vm.runInContext('({ Date, Error, Array, Object })', ctx) as Realm;
    const host = new AddonHost(ws, ctx, manifest, lock, realm, opened, user);
    host.connect();
    return host;
  }

  /** The deployment step: the add-on's properties name the workbook; both projects share the secret. */
  private connect(): void {
    this.as(this.ws.owner, () => {
      const addon = (this.ctx.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
      const engine = (this.ws.ctx.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
      const ss = (this.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
      let secret = engine.getProperty(SECRET_PROPERTY);
      if (!secret) {
        secret = crypto.randomBytes(24).toString('base64url');
        engine.setProperty(SECRET_PROPERTY, secret);
      }
      if (addon.getProperty(SECRET_PROPERTY) !== secret) addon.setProperty(SECRET_PROPERTY, secret);
      if (addon.getProperty(SPREADSHEET_PROPERTY) !== ss.getId()) addon.setProperty(SPREADSHEET_PROPERTY, ss.getId());
    });
  }

  /** Runs `work` as an execution of the add-on by `user` (the add-on's realm, its locks released after). */
  private as<T>(user: string, work: () => T): T {
    const rt = this.ws.rt;
    const previous = rt.realm;
    rt.beginExecution(rt.clock.now(), { kind: 'ui', activeUser: user, effectiveUser: user });
    rt.realm = this.realm;
    try {
      return work();
    } finally {
      rt.realm = previous;
      this.lock.endExecution();
      rt.meter.release();
    }
  }

  private call(fn: string, event: AddonEvent): unknown {
    const target = this.ctx[fn];
    if (typeof target !== 'function') throw new Error(`the add-on bundle has no top-level function ${fn}()`);
    // The event crosses into the add-on's realm as JSON, as Google hands it over.
    const arg = vm.runInContext('JSON.parse', this.ctx)(JSON.stringify(event));
    return this.as(this.user, () => target(arg));
  }

  /** The trigger's event object for what was opened. */
  triggerEvent(): { fn: string; event: AddonEvent } {
    const zone = this.ws.spreadsheet.timeZone();
    const common = { atMs: this.ws.rt.clock.nowMs(), userTimeZone: zone };
    const m = this.manifest.addOns;
    if (this.opened.kind === 'homepage') {
      return { fn: m.common.homepageTrigger!.runFunction, event: addonEvent({ common: { ...common, hostApp: 'CALENDAR' } }) };
    }
    if (this.opened.kind === 'gmail') {
      const g = this.opened.message;
      return {
        fn: m.gmail.contextualTriggers[0].onTriggerFunction,
        event: addonEvent({
          common: { ...common, hostApp: 'GMAIL' },
          gmail: { messageId: g.id, threadId: g.threadId, accessToken: accessTokenOf(g.id) },
        }),
      };
    }
    const found = this.ws.calendar.person.find(this.opened.eventId);
    if (!found) throw new AddonInputError(`no event with id "${this.opened.eventId}" on any calendar`);
    const e = found.event;
    const me = this.user.toLowerCase();
    const organizer = (e.organizer?.email ?? found.calendarId).toLowerCase();
    const guest = (e.attendees ?? []).some((a) => (a.email ?? '').toLowerCase() === me);
    const owner = this.ws.owner.toLowerCase() === me;
    // Google shows an event only to its calendar's owner and its guests.
    if (!guest && !owner && organizer !== me)
      throw new AddonInputError(`${this.user} cannot open event ${this.opened.eventId}: not its organizer or a guest`);
    return {
      fn: m.calendar.eventOpenTrigger.runFunction,
      event: addonEvent({
        common: { ...common, hostApp: 'CALENDAR' },
        calendar: {
          eventId: e.id ?? this.opened.eventId,
          calendarId: owner ? found.calendarId : this.user,
          organizerEmail: e.organizer?.email ?? found.calendarId,
          attendees: (e.attendees ?? []).map((a) => ({
            email: a.email ?? '',
            displayName: a.displayName ?? undefined,
            responseStatus: (a.responseStatus as 'accepted') ?? undefined,
            optional: a.optional ?? undefined,
          })),
          conferenceData: e.conferenceData ?? undefined,
          access: m.calendar.currentEventAccess ?? 'UNSPECIFIED',
          userEmail: this.user,
          userCanEdit: owner,
        },
      }),
    };
  }

  /** What the person sees on opening: the trigger's cards. */
  show(): Shown {
    const { fn, event } = this.triggerEvent();
    const result = readCallbackResult(this.call(fn, event), this.opened.kind === 'homepage' ? 'homepage' : 'contextual', fn);
    if (result.kind !== 'cards') throw new Error(`${fn} returned no cards`);
    return { fn, event, cards: result.cards };
  }

  /**
   * Submits `card`'s form to the action `actionRef` (an action id such as "a3", or a function
   * name when exactly one action of the card calls it), with the card's own values overridden
   * by `inputs` — as the person's click would.
   */
  act(shown: Shown, card: CardJson, actionRef: string, inputs: Submission): Acted {
    const zone = this.ws.spreadsheet.timeZone();
    const id = this.actionId(card, actionRef);
    const submission = { ...defaultSubmission(card, zone), ...inputs };
    const read = readSubmission(card, id, submission, { timeZone: zone, locale: 'ru' });
    const fn = read.action?.function ?? actionRef;
    if (!read.ok || !read.action) return { fn, response: { renderActions: { action: {} } }, refused: false, problems: read.problems };
    const event = actionEvent(shown.event, read.formInputs, read.parameters);
    const result = readCallbackResult(this.call(read.action.function, event), 'action', read.action.function);
    if (result.kind !== 'response') throw new Error(`${fn} returned no ActionResponse`);
    const a = result.response.renderActions.action;
    return { fn, response: result.response, refused: !a.navigations?.length && result.response.stateChanged !== true, problems: [] };
  }

  private actionId(card: CardJson, ref: string): string {
    if (/^a\d+(:\d+)?$/.test(ref)) return ref;
    const matches = actionsOf(card).filter((a) => a.action.function === ref);
    if (matches.length === 1) return matches[0].id;
    const all = actionsOf(card)
      .map((a) => `${a.id} ${a.action.function}`)
      .join(', ');
    if (!matches.length) throw new AddonInputError(`the card has no action ${ref} (actions: ${all || 'none'})`);
    throw new AddonInputError(`several actions call ${ref}: name one by its id (${all})`);
  }
}
