/**
 * Both bundles' manifests against the documented manifest shape, and every function a
 * manifest or a card action names is a top-level function of its bundle (loaded in a vm).
 *
 * The shape is written from Google's manifest reference
 * (https://developers.google.com/apps-script/manifest, .../manifest/addons,
 * google.apps.script.type CommonAddOnManifest / CalendarAddOnManifest / GmailAddOnManifest /
 * SheetsAddOnManifest): unknown keys are errors (Apps Script refuses to save such a
 * manifest), addOns.common needs name and logoUrl, currentEventAccess is one of its enum,
 * a Gmail contextual trigger is { unconditional: {}, onTriggerFunction }.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const root = path.resolve(__dirname, '../..');
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Problems of a manifest (empty: valid), and the function names it refers to. */
export function checkManifest(m: unknown): { problems: string[]; functions: string[] } {
  const problems: string[] = [];
  const functions: string[] = [];
  const only = (obj: unknown, where: string, keys: string[]): obj is Json => {
    if (!isObj(obj)) {
      problems.push(`${where}: not an object`);
      return false;
    }
    for (const k of Object.keys(obj)) if (!keys.includes(k)) problems.push(`${where}.${k}: unknown field`);
    return true;
  };
  const fn = (v: unknown, where: string) => {
    if (typeof v !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(v)) problems.push(`${where}: not a function name`);
    else functions.push(v);
  };
  const homepage = (v: unknown, where: string) => {
    if (v === undefined) return;
    if (only(v, where, ['runFunction', 'enabled'])) {
      if (v.runFunction !== undefined) fn(v.runFunction, `${where}.runFunction`);
      if (v.enabled !== undefined && typeof v.enabled !== 'boolean') problems.push(`${where}.enabled: not a boolean`);
    }
  };
  const top = [
    'timeZone',
    'runtimeVersion',
    'exceptionLogging',
    'oauthScopes',
    'dependencies',
    'addOns',
    'urlFetchWhitelist',
    'webapp',
    'executionApi',
    'sheets',
    'gmail',
    'chat',
    'dataStudio',
  ];
  if (!only(m, 'manifest', top)) return { problems, functions };
  if (m.runtimeVersion !== 'V8') problems.push('runtimeVersion: not V8');
  if (typeof m.timeZone !== 'string') problems.push('timeZone: missing');
  if (!Array.isArray(m.oauthScopes) || !m.oauthScopes.every((s) => typeof s === 'string' && /^https:\/\/www\.googleapis\.com\/auth\//.test(s)))
    problems.push('oauthScopes: not a list of scope URLs');
  if (m.addOns !== undefined && only(m.addOns, 'addOns', ['common', 'calendar', 'gmail', 'drive', 'docs', 'sheets', 'slides'])) {
    const a = m.addOns;
    if (
      only(a.common, 'addOns.common', [
        'name',
        'logoUrl',
        'layoutProperties',
        'homepageTrigger',
        'universalActions',
        'openLinkUrlPrefixes',
        'useLocaleFromApp',
      ])
    ) {
      const c = a.common;
      if (typeof c.name !== 'string' || !c.name) problems.push('addOns.common.name: required');
      if (typeof c.logoUrl !== 'string' || !/^https:\/\//.test(c.logoUrl)) problems.push('addOns.common.logoUrl: required https URL');
      if (c.layoutProperties !== undefined) only(c.layoutProperties, 'addOns.common.layoutProperties', ['primaryColor', 'secondaryColor']);
      homepage(c.homepageTrigger, 'addOns.common.homepageTrigger');
      if (
        c.openLinkUrlPrefixes !== undefined &&
        !(Array.isArray(c.openLinkUrlPrefixes) && c.openLinkUrlPrefixes.every((p) => /^https:\/\//.test(p)))
      )
        problems.push('addOns.common.openLinkUrlPrefixes: https prefixes');
      for (const [i, u] of ((c.universalActions as unknown[]) ?? []).entries())
        if (only(u, `addOns.common.universalActions[${i}]`, ['label', 'openLink', 'runFunction']) && u.runFunction !== undefined)
          fn(u.runFunction, `addOns.common.universalActions[${i}].runFunction`);
    }
    if (
      a.calendar !== undefined &&
      only(a.calendar, 'addOns.calendar', [
        'homepageTrigger',
        'eventOpenTrigger',
        'eventUpdateTrigger',
        'eventAttachmentTrigger',
        'currentEventAccess',
        'conferenceSolution',
        'createSettingsUrlFunction',
      ])
    ) {
      const c = a.calendar;
      homepage(c.homepageTrigger, 'addOns.calendar.homepageTrigger');
      for (const t of ['eventOpenTrigger', 'eventUpdateTrigger'])
        if (c[t] !== undefined && only(c[t], `addOns.calendar.${t}`, ['runFunction']))
          fn((c[t] as Json).runFunction, `addOns.calendar.${t}.runFunction`);
      if (c.currentEventAccess !== undefined && !['METADATA', 'READ', 'WRITE', 'READ_WRITE'].includes(String(c.currentEventAccess)))
        problems.push('addOns.calendar.currentEventAccess: not METADATA, READ, WRITE or READ_WRITE');
      if (c.eventOpenTrigger !== undefined && c.currentEventAccess === undefined)
        problems.push('addOns.calendar: eventOpenTrigger needs currentEventAccess');
    }
    if (
      a.gmail !== undefined &&
      only(a.gmail, 'addOns.gmail', ['homepageTrigger', 'contextualTriggers', 'composeTrigger', 'authorizationCheckFunction'])
    ) {
      const g = a.gmail;
      homepage(g.homepageTrigger, 'addOns.gmail.homepageTrigger');
      for (const [i, t] of ((g.contextualTriggers as unknown[]) ?? []).entries()) {
        const where = `addOns.gmail.contextualTriggers[${i}]`;
        if (!only(t, where, ['unconditional', 'onTriggerFunction'])) continue;
        if (!isObj(t.unconditional) || Object.keys(t.unconditional).length) problems.push(`${where}.unconditional: must be {}`);
        fn(t.onTriggerFunction, `${where}.onTriggerFunction`);
      }
    }
    for (const host of ['sheets', 'docs', 'slides', 'drive'] as const)
      if (a[host] !== undefined && only(a[host], `addOns.${host}`, ['homepageTrigger', 'onFileScopeGrantedTrigger', 'onItemsSelectedTrigger']))
        homepage((a[host] as Json).homepageTrigger, `addOns.${host}.homepageTrigger`);
  }
  return { problems, functions };
}

function topLevelFunctions(bundle: string): string[] {
  const ctx = vm.createContext({});
  vm.runInContext(fs.readFileSync(path.join(root, bundle), 'utf8'), ctx);
  return Object.keys(ctx).filter((k) => typeof ctx[k] === 'function');
}

describe('the add-on manifest (addon/appsscript.json → build/addon/appsscript.json)', () => {
  const manifest = read('build/addon/appsscript.json');

  test('is the repository file, copied by the build', () => {
    expect(manifest).toEqual(read('addon/appsscript.json'));
  });

  test('validates against the documented shape: common, calendar (eventOpenTrigger, currentEventAccess), gmail (contextual), sheets homepage', () => {
    expect(checkManifest(manifest).problems).toEqual([]);
    expect(manifest.addOns.calendar.eventOpenTrigger.runFunction).toBe('addonCalendarEventOpen');
    expect(manifest.addOns.gmail.contextualTriggers[0]).toEqual({ unconditional: {}, onTriggerFunction: 'addonGmailMessageOpen' });
    expect(manifest.addOns.sheets.homepageTrigger.runFunction).toBe('addonHomepage');
  });

  test('the shape check is not kind: it rejects what Google rejects', () => {
    const bad = JSON.parse(JSON.stringify(manifest));
    bad.addOns.calendar.currentEventAccess = 'ALL';
    bad.addOns.common.logo = 'x';
    delete bad.addOns.common.name;
    bad.addOns.gmail.contextualTriggers[0].unconditional = { always: true };
    expect(checkManifest(bad).problems).toEqual(
      expect.arrayContaining([
        'addOns.common.logo: unknown field',
        'addOns.common.name: required',
        'addOns.calendar.currentEventAccess: not METADATA, READ, WRITE or READ_WRITE',
        'addOns.gmail.contextualTriggers[0].unconditional: must be {}',
      ]),
    );
  });

  test('asks only the scopes it uses: no mail sending, no calendar, no Drive, no full Gmail', () => {
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/calendar.addons.current.event.read',
        'https://www.googleapis.com/auth/calendar.addons.execute',
        'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
        'https://www.googleapis.com/auth/gmail.addons.execute',
        'https://www.googleapis.com/auth/spreadsheets',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    const code = fs.readFileSync(path.join(root, 'build/addon/Code.js'), 'utf8');
    // What those scopes would not allow is not in the bundle (the Calendar adapter is bundled
    // with the shared modules but unreachable: the local host gives the add-on no Calendar,
    // MailApp or ScriptApp global, so reaching it fails the add-on tests).
    for (const forbidden of [/\bMailApp\./, /\bCalendarApp\./, /\bScriptApp\.newTrigger/, /\bDriveApp\./, /\bUrlFetchApp\./])
      expect(code).not.toMatch(forbidden);
  });

  test('every function the manifest names is a top-level function of build/addon/Code.js', () => {
    const fns = topLevelFunctions('build/addon/Code.js');
    const named = checkManifest(manifest).functions;
    expect(named.length).toBeGreaterThan(3);
    for (const f of named) expect(fns).toContain(f);
  });

  test('every function a card action names (setFunctionName) is a top-level function of the bundle', () => {
    const src = fs
      .readdirSync(path.join(root, 'src/addon'))
      .map((f) => fs.readFileSync(path.join(root, 'src/addon', f), 'utf8'))
      .join('\n');
    const named = new Set([...src.matchAll(/'(addon[A-Z]\w*)'/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual(['addonMarkCallDone', 'addonRecordPayment', 'addonSaveCall', 'addonScheduleCall', 'addonScheduleForm']);
    const fns = topLevelFunctions('build/addon/Code.js');
    for (const f of named) expect(fns).toContain(f);
  });

  test('its own clasp project pushes build/addon only', () => {
    const clasp = read('addon/.clasp.json');
    expect(clasp.rootDir).toBe('../build/addon');
    expect(clasp.scriptId).toMatch(/REPLACE/);
    expect(fs.readFileSync(path.join(root, 'addon/.claspignore'), 'utf8')).toMatch(/!Code\.js[\s\S]*!appsscript\.json/);
    // The engine's project must not push the add-on's files that sit below its rootDir.
    expect(fs.readFileSync(path.join(root, '.claspignore'), 'utf8').split('\n')[0]).toBe('**/**');
  });
});

describe('the engine manifest (appsscript.json)', () => {
  test('validates against the same shape and has no add-on section', () => {
    const m = read('build/appsscript.json');
    expect(checkManifest(m).problems).toEqual([]);
    expect(m.addOns).toBeUndefined();
  });
});
