import { createCacheService } from '../../../workspace/services/cache';
import { later, runtime, tempStateDir, thrown } from './helpers';

interface Cache {
  get(k: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(k: string, v: unknown, seconds?: number): void;
  putAll(values: Record<string, unknown>, seconds?: number): void;
  remove(k: string): void;
  removeAll(keys: string[]): void;
}
interface Service {
  getScriptCache(): Cache;
  getUserCache(): Cache;
  getDocumentCache(): Cache;
}
const service = (fake: { globals: Record<string, unknown> }) => fake.globals.CacheService as Service;

describe('CacheService fake', () => {
  test('an entry expires after the default 600 s on the simulated clock', () => {
    const rt = runtime();
    const cache = service(createCacheService(rt)).getScriptCache();
    cache.put('k', 7);
    expect(cache.get('k')).toBe('7');
    later(rt, 590 * 1000);
    expect(cache.get('k')).toBe('7');
    later(rt, 10 * 1000);
    expect(cache.get('k')).toBeNull();
  });

  test('an explicit expiration is honoured, and nothing outlives the 6-hour maximum', () => {
    const rt = runtime();
    const cache = service(createCacheService(rt)).getScriptCache();
    cache.put('short', 'a', 5);
    cache.put('long', 'b', 100000); // beyond 21600 s: kept 6 h at most
    const putAt = rt.clock.nowMs();
    later(rt, 6000);
    expect(cache.get('short')).toBeNull();
    rt.beginExecution(new Date(putAt + 6 * 3600 * 1000 - 1000)); // get() itself costs simulated ms
    expect(cache.get('long')).toBe('b');
    rt.beginExecution(new Date(putAt + 6 * 3600 * 1000));
    expect(cache.get('long')).toBeNull();
  });

  test('getAll returns only live keys; putAll, remove and removeAll work on the set', () => {
    const cache = service(createCacheService(runtime())).getScriptCache();
    cache.putAll({ a: 1, b: 2, c: 3 });
    cache.remove('a');
    expect(cache.getAll(['a', 'b', 'c', 'missing'])).toEqual({ b: '2', c: '3' });
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['b', 'c'])).toEqual({});
  });

  test('a key over 250 characters throws "Argument too large: key" on put, get and remove', () => {
    const cache = service(createCacheService(runtime())).getScriptCache();
    const key = 'k'.repeat(251);
    cache.put('k'.repeat(250), 'fits');
    for (const call of [() => cache.put(key, 'v'), () => cache.get(key), () => cache.remove(key)]) {
      const e = thrown(call);
      expect(e.message).toBe('Argument too large: key');
      expect(e.name).toBe('Exception');
    }
  });

  test('a value over 100 KB throws "Argument too large: value"', () => {
    const cache = service(createCacheService(runtime())).getScriptCache();
    cache.put('ok', 'x'.repeat(100 * 1024));
    expect(thrown(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).message).toBe('Argument too large: value');
    expect(() => cache.putAll({ fine: 'a', big: 'я'.repeat(60000) })).toThrow('Argument too large: value');
    expect(cache.get('fine')).toBeNull(); // putAll stores nothing when one value is refused
  });

  test('over 1,000 items the cache keeps the 900 farthest from expiration', () => {
    const cache = service(createCacheService(runtime())).getScriptCache();
    const values: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) values[`early${i}`] = 'v';
    cache.putAll(values, 60);
    cache.put('late', 'v', 3600);
    expect(cache.get('late')).toBe('v');
    const kept = Object.keys(cache.getAll(Object.keys(values)));
    expect(kept).toHaveLength(899);
  });

  test('the cache is shared across processes through the state folder; user caches are per user', () => {
    const dir = tempStateDir();
    const ann = runtime(dir, { execution: { activeUser: 'ann@example.com' } });
    const bob = runtime(dir, { execution: { activeUser: 'bob@example.com' } });
    service(createCacheService(ann)).getScriptCache().put('shared', 's');
    service(createCacheService(ann)).getUserCache().put('mine', 'ann');
    expect(service(createCacheService(bob)).getScriptCache().get('shared')).toBe('s');
    expect(service(createCacheService(bob)).getUserCache().get('mine')).toBeNull();
    expect(service(createCacheService(bob)).getDocumentCache().get('shared')).toBeNull();
  });

  test('clear() empties every cache, as Google may evict at any time', () => {
    const fake = createCacheService(runtime());
    service(fake).getScriptCache().put('k', 'v');
    fake.clear();
    expect(service(fake).getScriptCache().get('k')).toBeNull();
  });
});
