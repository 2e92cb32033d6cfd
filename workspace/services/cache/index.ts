/**
 * CacheService fake: script, user (per effective user) and document caches persisted
 * in the state folder as `cache.json`, expiring on the SIMULATED clock (rt.clock).
 *
 * Google behaviour reproduced
 * (https://developers.google.com/apps-script/reference/cache/cache,
 *  https://developers.google.com/apps-script/reference/cache/cache-service):
 * - get returns null when missing or expired; getAll returns only the keys found.
 * - put(key, value, expirationInSeconds): default 600 s; documented range 1 … 21600 s
 *   (6 h). Google does not document values outside it; the fake clamps to that range,
 *   so nothing ever outlives 6 h here.
 * - Key longer than 250 characters throws "Argument too large: key" (get, put, remove
 *   alike); value larger than 100 KB (102,400 UTF-8 bytes) throws
 *   "Argument too large: value" (texts as users report them, e.g.
 *   github.com/Eloise1988/COINGECKO/issues/13, github.com/joseballester/muFunds/issues/13).
 * - Values are coerced to strings.
 * - "The cap for cached items is 1,000. If more than 1,000 items are written, the cache
 *   stores the 900 items farthest from expiration."
 * NOT reproduced: Google's cache is best-effort ("The data you write to the cache is not
 * guaranteed to persist until its expiration time. You must be prepared to get back null
 * from all reads."); this fake keeps an entry until it expires or the cap evicts it.
 * Product code must still treat a miss as normal — tests can force one with clear().
 */
import type { FakeService, Runtime } from '../../runtime/runtime';
import { JsonState, utf8Bytes } from '../properties/jsonState';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_EXPIRATION_S = 600;
export const CACHE_MAX_EXPIRATION_S = 21600;
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;
export const CACHE_KEY_TOO_LARGE = 'Argument too large: key';
export const CACHE_VALUE_TOO_LARGE = 'Argument too large: value';

interface Entry {
  value: string;
  expiresAtMs: number;
}
type Bucket = Record<string, Entry>;

export interface CacheFile {
  script: Bucket;
  document: Bucket;
  user: Record<string, Bucket>;
}

export type CacheScope = 'script' | 'document' | 'user';

export interface CacheFake extends FakeService {
  snapshot(): CacheFile;
  /** Drops every entry, as Google may at any time (tests of the miss path). */
  clear(): void;
}

export function createCacheService(rt: Runtime): CacheFake {
  const empty = (): CacheFile => ({ script: {}, document: {}, user: {} });
  const state = new JsonState<CacheFile>(rt, 'cache.json', empty);

  function makeCache(scope: CacheScope) {
    const user = rt.execution.effectiveUser;
    const bucketOf = (doc: CacheFile): Bucket => (scope === 'user' ? (doc.user[user] ??= {}) : doc[scope]);

    const checkKey = (key: unknown): string => {
      const k = String(key);
      if (k.length > CACHE_KEY_MAX_CHARS) throw rt.error(CACHE_KEY_TOO_LARGE);
      return k;
    };
    const checkValue = (value: unknown): string => {
      const v = String(value);
      if (utf8Bytes(v) > CACHE_VALUE_MAX_BYTES) throw rt.error(CACHE_VALUE_TOO_LARGE);
      return v;
    };
    const expiryMs = (seconds: unknown): number => {
      const s = seconds === undefined ? CACHE_DEFAULT_EXPIRATION_S : Number(seconds);
      const clamped = Math.min(CACHE_MAX_EXPIRATION_S, Math.max(1, Math.floor(s) || 1));
      return rt.clock.nowMs() + clamped * 1000;
    };
    const live = (e: Entry | undefined): e is Entry => !!e && e.expiresAtMs > rt.clock.nowMs();

    /** Drops expired entries, then applies Google's 1,000-item cap. */
    const prune = (bucket: Bucket): void => {
      for (const [k, e] of Object.entries(bucket)) if (!live(e)) delete bucket[k];
      const keys = Object.keys(bucket);
      if (keys.length <= CACHE_ITEM_CAP) return;
      keys.sort((a, b) => bucket[b].expiresAtMs - bucket[a].expiresAtMs);
      for (const k of keys.slice(CACHE_ITEMS_KEPT)) delete bucket[k];
    };

    const putEntries = (entries: Array<[string, string]>, seconds: unknown): void => {
      const expiresAtMs = expiryMs(seconds);
      state.update((doc) => {
        const bucket = bucketOf(doc);
        for (const [k, value] of entries) bucket[k] = { value, expiresAtMs };
        prune(bucket);
      });
    };

    return {
      get(key: string): string | null {
        rt.call('Cache.get');
        const e = bucketOf(state.read())[checkKey(key)];
        return live(e) ? e.value : null;
      },
      getAll(keys: string[]): Record<string, string> {
        rt.call('Cache.getAll');
        const bucket = bucketOf(state.read());
        const out = new rt.realm.Object() as Record<string, string>;
        for (const key of keys) {
          const k = checkKey(key);
          const e = bucket[k];
          if (live(e)) out[k] = e.value;
        }
        return out;
      },
      put(key: string, value: unknown, expirationInSeconds?: number): void {
        rt.call('Cache.put');
        putEntries([[checkKey(key), checkValue(value)]], expirationInSeconds);
      },
      putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
        rt.call('Cache.putAll');
        const entries = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as [string, string]);
        putEntries(entries, expirationInSeconds);
      },
      remove(key: string): void {
        rt.call('Cache.remove');
        const k = checkKey(key);
        state.update((doc) => {
          delete bucketOf(doc)[k];
        });
      },
      removeAll(keys: string[]): void {
        rt.call('Cache.removeAll');
        const ks = keys.map(checkKey);
        state.update((doc) => {
          const bucket = bucketOf(doc);
          for (const k of ks) delete bucket[k];
        });
      },
    };
  }

  const CacheService = {
    getScriptCache() {
      rt.call('CacheService.getScriptCache');
      return makeCache('script');
    },
    getUserCache() {
      rt.call('CacheService.getUserCache');
      return makeCache('user');
    },
    getDocumentCache() {
      rt.call('CacheService.getDocumentCache');
      return makeCache('document');
    },
  };

  return {
    globals: { CacheService },
    flush() {}, // written through on every change
    snapshot: () => state.read(),
    clear: () => state.write(empty()),
  };
}
