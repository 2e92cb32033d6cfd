import { createHash, createHmac } from 'crypto';
import * as vm from 'vm';
import { Realm, Runtime } from '../../../workspace/runtime/runtime';
import { createUtilitiesService, FakeBlob } from '../../../workspace/services/utilities';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */
function setup(options: ConstructorParameters<typeof Runtime>[0] = {}) {
  const rt = new Runtime({ now: new Date('2025-03-05T10:00:00Z'), ...options });
  const U = createUtilitiesService(rt).globals.Utilities as any;
  return { rt, U };
}

const signed = (buf: Buffer) => [...buf].map((b) => (b > 127 ? b - 256 : b));

describe('Utilities.sleep', () => {
  test('advances the simulated clock by the requested milliseconds', () => {
    const { rt, U } = setup();
    const before = rt.clock.nowMs();
    U.sleep(1500);
    expect(rt.clock.nowMs() - before).toBe(1500);
    expect(rt.meter.countOf('Utilities.sleep')).toBe(1);
  });

  test("refuses more than 300000 ms, Google's documented maximum", () => {
    const { rt, U } = setup();
    expect(() => U.sleep(300001)).toThrow('Argument too large: milliseconds');
    expect(rt.clock.elapsed()).toBe(0);
    expect(() => U.sleep(300000)).not.toThrow();
  });

  test("a sleep past the execution budget stops the script with Google's message", () => {
    const { U } = setup({ limits: { executionMs: 5000 } });
    expect(() => U.sleep(6000)).toThrow('Exceeded maximum execution time');
  });

  test('a value that is not a number cannot be converted to int', () => {
    const { U } = setup();
    expect(() => U.sleep('soon')).toThrow('Cannot convert soon to int.');
  });
});

describe('Utilities digests and signatures return signed Java bytes', () => {
  test('computeDigest SHA_256 and MD5 match the standard digests as -128..127', () => {
    const { U } = setup();
    const sha = U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toEqual(signed(createHash('sha256').update('abc').digest()));
    expect(sha[0]).toBe(0xba - 256);
    expect(U.computeDigest(U.DigestAlgorithm.MD5, '')[0]).toBe(0xd4 - 256);
    expect(sha.every((b: number) => b >= -128 && b <= 127)).toBe(true);
  });

  test('strings are UTF-8 unless US_ASCII is asked for', () => {
    const { U } = setup();
    expect(U.computeDigest(U.DigestAlgorithm.SHA_1, 'я')).toEqual(signed(createHash('sha1').update('я', 'utf8').digest()));
    expect(U.computeDigest(U.DigestAlgorithm.SHA_1, 'я', U.Charset.US_ASCII)).toEqual(signed(createHash('sha1').update('?').digest()));
  });

  test('computeHmacSha256Signature takes two strings or two byte arrays', () => {
    const { U } = setup();
    const expected = signed(createHmac('sha256', 'key').update('data').digest());
    expect(U.computeHmacSha256Signature('data', 'key')).toEqual(expected);
    expect(U.computeHmacSha256Signature(signed(Buffer.from('data')), signed(Buffer.from('key')))).toEqual(expected);
    expect(() => U.computeHmacSha256Signature('data', 5)).toThrow(
      "The parameters (String,number) don't match the method signature for Utilities.computeHmacSha256Signature.",
    );
  });

  test("byte arrays are arrays of the bundle's realm", () => {
    const ctx = vm.createContext({});
    const rt = new Runtime({ realm: vm.runInContext('({ Date, Error, Array, Object })', ctx) as Realm });
    const U = createUtilitiesService(rt).globals.Utilities as any;
    expect(U.base64Decode('AQI=') instanceof rt.realm.Array).toBe(true);
    expect(() => U.base64Decode('a$b')).toThrow(rt.realm.Error);
  });
});

describe('Utilities base64', () => {
  test('round-trips UTF-8 text through signed bytes', () => {
    const { U } = setup();
    const encoded = U.base64Encode('Привет');
    expect(encoded).toBe(Buffer.from('Привет').toString('base64'));
    const bytes = U.base64Decode(encoded);
    expect(Math.min(...bytes)).toBeLessThan(0);
    expect(U.newBlob(bytes).getDataAsString()).toBe('Привет');
  });

  test('the web-safe alphabet uses - and _ and keeps the = padding', () => {
    const { U } = setup();
    expect(U.base64Encode([-5, -1])).toBe('+/8=');
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(U.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  test('an undecodable string throws "Could not decode string."', () => {
    const { U } = setup();
    expect(() => U.base64Decode('abc$')).toThrow('Could not decode string.');
    expect(() => U.base64Decode('-_8=')).toThrow('Could not decode string.');
  });
});

describe('Utilities.formatString', () => {
  test('fills %s, %d and %f with widths, flags and precision', () => {
    const { U } = setup();
    expect(U.formatString('%s is %d years', 'Ann', 30.7)).toBe('Ann is 30 years');
    expect(U.formatString('%05.1f|%11.6f', 3.14159, 12.345)).toBe('003.1|  12.345000');
    expect(U.formatString('%-6s|%6s|%+d|%%', 'ab', 'cd', 5)).toBe('ab    |    cd|+5|%');
  });

  test('too few values is an error', () => {
    const { U } = setup();
    expect(() => U.formatString('%s and %s', 'one')).toThrow('Not enough arguments');
  });
});

describe('Utilities.parseCsv, getUuid and newBlob', () => {
  test('parseCsv reads quotes, doubled quotes, CRLF and a custom delimiter', () => {
    const { U } = setup();
    expect(U.parseCsv('a,"b,c"\r\n"say ""hi""",d\n')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', 'd'],
    ]);
    expect(U.parseCsv('x;y\n"multi\nline";z', ';')).toEqual([
      ['x', 'y'],
      ['multi\nline', 'z'],
    ]);
  });

  test('getUuid returns a random version-4 UUID', () => {
    const { U } = setup();
    const a = U.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(U.getUuid()).not.toBe(a);
  });

  test('newBlob of text is text/plain, of bytes has no content type, and names are kept', () => {
    const { U } = setup();
    const blob: FakeBlob = U.newBlob('hello', undefined, 'a.txt');
    expect([blob.getContentType(), blob.getName(), blob.getDataAsString()]).toEqual(['text/plain', 'a.txt', 'hello']);
    expect(U.newBlob([104, 105]).getContentType()).toBeNull();
    expect(U.newBlob('x', 'text/csv').setName('b.csv').getName()).toBe('b.csv');
    expect(blob.getBytes()).toEqual([104, 101, 108, 108, 111]);
  });
});
