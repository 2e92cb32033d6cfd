/**
 * PropertiesService fake: script, user (per effective user) and document stores,
 * persisted in the state folder as `properties.json` and shared by every process.
 *
 * Google behaviour reproduced
 * (https://developers.google.com/apps-script/reference/properties/properties,
 *  https://developers.google.com/apps-script/guides/properties,
 *  https://developers.google.com/apps-script/guides/services/quotas#current_limitations):
 * - Every value is stored as a string (non-strings are converted); getProperty of a
 *   missing key returns null; getProperties returns a copy, not a live view.
 * - "Properties value size: 9 KB / val" — a larger value (UTF-8 bytes) throws
 *   "Argument too large: value" (text as seen by users; the docs give only the limit).
 * - "Properties total storage: 500 KB / property store" — keys and values count
 *   (Tanaike's measurements, 2023). Exceeding it throws "You have exceeded the
 *   property storage quota. Please remove some properties and try again." (text as
 *   reported by users, e.g. github.com/lucasvtiradentes/gcal-sync/issues/115).
 * - Setters return the Properties object for chaining.
 * Left out: the 50,000/day read-write quota; the deprecated ScriptProperties/UserProperties.
 * The script is container-bound, so getDocumentProperties() never returns null here.
 */
import type { FakeService, Runtime } from '../../runtime/runtime';
import { JsonState, utf8Bytes } from './jsonState';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_VALUE_TOO_LARGE = 'Argument too large: value';
export const PROPERTY_QUOTA_EXCEEDED = 'You have exceeded the property storage quota. Please remove some properties and try again.';

type Store = Record<string, string>;

export interface PropertiesFile {
  script: Store;
  document: Store;
  /** By effective user's email. */
  user: Record<string, Store>;
}

export type PropertyScope = 'script' | 'document' | 'user';

export interface PropertiesFake extends FakeService {
  /** The whole file as stored now (all users). */
  snapshot(): PropertiesFile;
}

function storeBytes(store: Store): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

/** `fileName`: another script project's stores (the Workspace add-on's are its own). */
export function createPropertiesService(rt: Runtime, fileName = 'properties.json'): PropertiesFake {
  const state = new JsonState<PropertiesFile>(rt, fileName, () => ({
    script: {},
    document: {},
    user: {},
  }));

  // The user store is chosen when the Properties object is made, as on Google.
  function storeOf(doc: PropertiesFile, scope: PropertyScope, user: string): Store {
    if (scope !== 'user') return doc[scope];
    return (doc.user[user] ??= {});
  }

  function makeProperties(scope: PropertyScope) {
    const user = rt.execution.effectiveUser;
    const read = (): Store => ({ ...storeOf(state.read(), scope, user) });

    /** Applies `change` to a copy, checks Google's limits, then saves. */
    const mutate = (change: (store: Store) => void): void => {
      state.update((doc) => {
        const next = { ...storeOf(doc, scope, user) };
        change(next);
        if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw rt.error(PROPERTY_QUOTA_EXCEEDED);
        if (scope === 'user') doc.user[user] = next;
        else doc[scope] = next;
      });
    };

    const checkValue = (value: unknown): string => {
      const s = String(value);
      if (utf8Bytes(s) > PROPERTY_VALUE_MAX_BYTES) throw rt.error(PROPERTY_VALUE_TOO_LARGE);
      return s;
    };

    const properties = {
      getProperty(key: string): string | null {
        rt.call('Properties.getProperty');
        const store = read();
        return Object.prototype.hasOwnProperty.call(store, String(key)) ? store[String(key)] : null;
      },
      getProperties(): Record<string, string> {
        rt.call('Properties.getProperties');
        return Object.assign(new rt.realm.Object() as Record<string, string>, read());
      },
      getKeys(): string[] {
        rt.call('Properties.getKeys');
        return rt.realm.Array.from(Object.keys(read()));
      },
      setProperty(key: string, value: unknown) {
        rt.call('Properties.setProperty');
        const v = checkValue(value);
        mutate((s) => {
          s[String(key)] = v;
        });
        return properties;
      },
      setProperties(values: Record<string, unknown>, deleteAllOthers = false) {
        rt.call('Properties.setProperties');
        const checked = Object.entries(values).map(([k, v]) => [k, checkValue(v)] as const);
        mutate((s) => {
          if (deleteAllOthers) for (const k of Object.keys(s)) delete s[k];
          for (const [k, v] of checked) s[k] = v;
        });
        return properties;
      },
      deleteProperty(key: string) {
        rt.call('Properties.deleteProperty');
        mutate((s) => {
          delete s[String(key)];
        });
        return properties;
      },
      deleteAllProperties() {
        rt.call('Properties.deleteAllProperties');
        mutate((s) => {
          for (const k of Object.keys(s)) delete s[k];
        });
        return properties;
      },
    };
    return properties;
  }

  const PropertiesService = {
    getScriptProperties() {
      rt.call('PropertiesService.getScriptProperties');
      return makeProperties('script');
    },
    getUserProperties() {
      rt.call('PropertiesService.getUserProperties');
      return makeProperties('user');
    },
    getDocumentProperties() {
      rt.call('PropertiesService.getDocumentProperties');
      return makeProperties('document');
    },
  };

  return {
    globals: { PropertiesService },
    // Every change is written through at once (as on Google); nothing is pending.
    flush() {},
    snapshot: () => state.read(),
  };
}
