import { createPropertiesService, PROPERTY_QUOTA_EXCEEDED } from '../../../workspace/services/properties';
import { runtime, tempStateDir, thrown } from './helpers';

interface Props {
  getProperty(k: string): string | null;
  setProperty(k: string, v: unknown): Props;
  setProperties(o: Record<string, unknown>, deleteAllOthers?: boolean): Props;
  getProperties(): Record<string, string>;
  getKeys(): string[];
  deleteProperty(k: string): Props;
  deleteAllProperties(): Props;
}
interface Service {
  getScriptProperties(): Props;
  getUserProperties(): Props;
  getDocumentProperties(): Props;
}
const service = (fake: { globals: Record<string, unknown> }) => fake.globals.PropertiesService as Service;

describe('PropertiesService fake', () => {
  test('getProperty returns null for a missing key and values come back as strings', () => {
    const props = service(createPropertiesService(runtime())).getScriptProperties();
    expect(props.getProperty('nope')).toBeNull();
    props.setProperty('n', 42).setProperty('b', true).setProperty('o', { a: 1 });
    expect(props.getProperties()).toEqual({ n: '42', b: 'true', o: '[object Object]' });
    expect(props.getKeys().sort()).toEqual(['b', 'n', 'o']);
  });

  test('getProperties returns a copy, not a live view', () => {
    const props = service(createPropertiesService(runtime())).getScriptProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  test('setProperties with deleteAllOthers replaces the store; deleteProperty and deleteAllProperties remove', () => {
    const props = service(createPropertiesService(runtime())).getScriptProperties();
    props.setProperties({ a: 1, b: 2 });
    props.setProperties({ c: 3 }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.setProperties({ d: 4 }).deleteProperty('c');
    expect(props.getKeys()).toEqual(['d']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('properties persist across fake instances on the same state folder (separate processes)', () => {
    const dir = tempStateDir();
    service(createPropertiesService(runtime(dir)))
      .getScriptProperties()
      .setProperty('lastRun', 'x');
    service(createPropertiesService(runtime(dir)))
      .getDocumentProperties()
      .setProperty('doc', 'y');
    const later = service(createPropertiesService(runtime(dir)));
    expect(later.getScriptProperties().getProperty('lastRun')).toBe('x');
    expect(later.getDocumentProperties().getProperty('doc')).toBe('y');
    expect(later.getScriptProperties().getProperty('doc')).toBeNull();
  });

  test('a change by one execution is seen at once by an already open Properties object of another', () => {
    const dir = tempStateDir();
    const a = service(createPropertiesService(runtime(dir))).getScriptProperties();
    const b = service(createPropertiesService(runtime(dir))).getScriptProperties();
    a.setProperty('k', '1');
    expect(b.getProperty('k')).toBe('1');
  });

  test('user properties belong to the effective user', () => {
    const dir = tempStateDir();
    const ann = runtime(dir, { execution: { activeUser: 'ann@example.com' } });
    const bob = runtime(dir, { execution: { activeUser: 'bob@example.com' } });
    service(createPropertiesService(ann)).getUserProperties().setProperty('pref', 'ann');
    expect(service(createPropertiesService(bob)).getUserProperties().getProperty('pref')).toBeNull();
    expect(service(createPropertiesService(ann)).getUserProperties().getProperty('pref')).toBe('ann');
  });

  test('a value over 9 KB throws "Argument too large: value" and is not stored', () => {
    const props = service(createPropertiesService(runtime())).getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    const e = thrown(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1)));
    expect(e.message).toBe('Argument too large: value');
    expect(e.name).toBe('Exception');
    // Multi-byte text counts in UTF-8 bytes: 4,700 Cyrillic letters are 9,400 bytes.
    expect(() => props.setProperty('ru', 'я'.repeat(4700))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  test("a store over 500 KB throws Google's quota text and keeps its old contents", () => {
    const props = service(createPropertiesService(runtime())).getScriptProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, chunk); // ~504,000 bytes with keys
    const e = thrown(() => props.setProperty('k56', chunk));
    expect(e.message).toBe(PROPERTY_QUOTA_EXCEEDED);
    expect(e.message).toBe('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(props.getProperty('k56')).toBeNull();
    expect(props.getKeys()).toHaveLength(56);
    // Each store has its own 500 KB.
    expect(() => service(createPropertiesService(runtime())).getDocumentProperties().setProperty('k', chunk)).not.toThrow();
  });

  test('every call is counted on the meter', () => {
    const rt = runtime();
    const props = service(createPropertiesService(rt)).getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    expect(rt.meter.countOf('Properties.')).toBe(2);
    expect(rt.meter.countOf('PropertiesService.getScriptProperties')).toBe(1);
  });
});
