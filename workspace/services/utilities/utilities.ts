/**
 * Fake of the Utilities service (https://developers.google.com/apps-script/reference/utilities/utilities).
 *
 * Google behaviour reproduced:
 * - formatDate follows java.text.SimpleDateFormat (see javaDate.ts); a pattern error surfaces
 *   with Java's text ("Illegal pattern character 'b'"); an unknown zone id formats in GMT.
 * - Wrong argument types throw "The parameters (String,String,String) don't match the method
 *   signature for Utilities.formatDate." (text seen in Apps Script executions).
 * - sleep(ms): "The maximum allowed value is 300000 (or 5 minutes)"; the sleep counts toward the
 *   6-minute execution limit on the simulated clock. The error text beyond the maximum
 *   ("Argument too large: milliseconds") follows Apps Script's "Argument too large: <param>"
 *   family and is not confirmed for sleep.
 * - Digests and HMACs return signed Java bytes (-128..127); base64EncodeWebSafe keeps '='
 *   padding (Java's URL-safe encoder); undecodable base64 throws "Could not decode string.".
 * - newBlob of a string defaults to "text/plain", of bytes to no content type.
 * - formatString is "sprintf-like" as documented: flags "-+ 0", width, precision and the
 *   conversions s f d i u % of Closure's goog.string.format (whose description Google's page
 *   repeats), with C's padding; too few values throw Closure's "Not enough arguments".
 * Left out: MD2 (no implementation in Node), RSA signatures, zip/gzip, parseDate.
 */
import { createHash, createHmac, randomUUID } from 'crypto';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { formatJavaDate, JavaFormatError, resolveZone } from './javaDate';
import { bytesToBuffer, Charset, FakeBlob, isByteArray, signedBytes, stringBytes } from './bytes';

export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;
const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

export const MAX_SLEEP_MS = 300000;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** How Apps Script names an argument's type in "The parameters (...) don't match ...". */
function typeLabel(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? 'number[]' : 'Object[]';
  return 'Object';
}

/** Closure-style sprintf: %[-+ 0]*[width][.precision](s|f|d|i|u|%). */
export function sprintf(template: string, args: unknown[], makeError: (m: string) => Error): string {
  const queue = [...args];
  return template.replace(
    /%([0\- +]*)(\d+)?(\.(\d+))?([%sfdiu])/g,
    (_m, flags: string, width?: string, _dot?: string, precision?: string, type?: string) => {
      if (type === '%') return '%';
      if (queue.length === 0) throw makeError('[goog.string.format] Not enough arguments');
      const value = queue.shift();
      const w = width === undefined ? 0 : Number(width);
      if (type === 's') {
        const text = String(value);
        if (text.length >= w) return text;
        return flags.includes('-') ? text.padEnd(w) : text.padStart(w);
      }
      const num = type === 'f' ? Number(value) : parseInt(String(value), 10);
      const digits = type === 'f' ? precision : '0';
      const body = digits === undefined ? String(Math.abs(num)) : Math.abs(num).toFixed(Number(digits));
      const sign = num < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      const padCount = w - body.length - sign.length;
      if (padCount <= 0) return sign + body;
      if (flags.includes('-')) return sign + body + ' '.repeat(padCount);
      return flags.includes('0') ? sign + '0'.repeat(padCount) + body : ' '.repeat(padCount) + sign + body;
    },
  );
}

/** RFC 4180 reading: quoted fields, "" inside quotes, CR, LF or CRLF between rows. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let pending = false; // a row has started
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    pending = true;
    if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      pending = false;
    } else field += c;
  }
  if (pending || quoted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function createUtilitiesService(rt: Runtime): FakeService {
  const signature = (method: string, args: unknown[]) =>
    rt.error(`The parameters (${args.map(typeLabel).join(',')}) don't match the method signature for Utilities.${method}.`);

  const bytesOf = (method: string, args: unknown[], value: unknown, charset?: unknown): Buffer => {
    if (typeof value === 'string') return stringBytes(value, charset);
    if (isByteArray(value)) return bytesToBuffer(value);
    throw signature(method, args);
  };

  const decode = (method: string, encoded: unknown, webSafe: boolean): number[] => {
    if (typeof encoded !== 'string') throw signature(method, [encoded]);
    const text = encoded.replace(/\s+/g, '');
    const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
    if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1) throw rt.error('Could not decode string.');
    return signedBytes(rt, Buffer.from(text, webSafe ? 'base64url' : 'base64'));
  };

  const mac = (method: string, algorithm: string, value: unknown, key: unknown, charset?: unknown): number[] => {
    const args = [value, key];
    if (typeof value !== typeof key || !(typeof value === 'string' || isByteArray(value))) throw signature(method, args);
    const hmac = createHmac(NODE_HASH[algorithm], bytesOf(method, args, key, charset));
    return signedBytes(rt, hmac.update(bytesOf(method, args, value, charset)).digest());
  };

  const Utilities = {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,

    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      rt.call('Utilities.formatDate');
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw signature('formatDate', [date, timeZone, format]);
      }
      const ms = date.getTime();
      if (Number.isNaN(ms)) throw rt.error('Invalid argument: date');
      try {
        return formatJavaDate(ms, resolveZone(timeZone), format);
      } catch (e) {
        if (e instanceof JavaFormatError) throw rt.error(e.message);
        throw e;
      }
    },

    formatString(template: unknown, ...args: unknown[]): string {
      rt.call('Utilities.formatString');
      if (typeof template !== 'string') throw signature('formatString', [template, ...args]);
      return sprintf(template, args, (m) => rt.error(m));
    },

    sleep(milliseconds: unknown): void {
      const ms = Math.trunc(Number(milliseconds));
      if (milliseconds === null || milliseconds === undefined || Number.isNaN(ms)) {
        throw rt.error(`Cannot convert ${String(milliseconds)} to int.`);
      }
      if (ms > MAX_SLEEP_MS) throw rt.error('Argument too large: milliseconds');
      // Sleeping spends the execution's time: counted on the meter, so the 6-minute limit applies.
      rt.meter.record('Utilities.sleep', Math.max(0, ms));
    },

    getUuid(): string {
      rt.call('Utilities.getUuid');
      return randomUUID();
    },

    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      rt.call('Utilities.computeDigest');
      const args = charset === undefined ? [algorithm, value] : [algorithm, value, charset];
      if (algorithm === DigestAlgorithm.MD2) throw rt.error('MD2 is not available in the local Workspace.');
      const hash = typeof algorithm === 'string' && !algorithm.startsWith('HMAC') ? NODE_HASH[algorithm] : undefined;
      if (!hash) throw signature('computeDigest', args);
      return signedBytes(
        rt,
        createHash(hash)
          .update(bytesOf('computeDigest', args, value, charset))
          .digest(),
      );
    },

    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      rt.call('Utilities.computeHmacSha256Signature');
      return mac('computeHmacSha256Signature', 'HMAC_SHA_256', value, key, charset);
    },

    computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
      rt.call('Utilities.computeHmacSignature');
      if (typeof algorithm !== 'string' || !algorithm.startsWith('HMAC_')) {
        throw signature('computeHmacSignature', [algorithm, value, key]);
      }
      return mac('computeHmacSignature', algorithm, value, key, charset);
    },

    base64Encode(data: unknown, charset?: unknown): string {
      rt.call('Utilities.base64Encode');
      return bytesOf('base64Encode', [data], data, charset).toString('base64');
    },

    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      rt.call('Utilities.base64EncodeWebSafe');
      return bytesOf('base64EncodeWebSafe', [data], data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },

    base64Decode(encoded: unknown): number[] {
      rt.call('Utilities.base64Decode');
      return decode('base64Decode', encoded, false);
    },

    base64DecodeWebSafe(encoded: unknown): number[] {
      rt.call('Utilities.base64DecodeWebSafe');
      return decode('base64DecodeWebSafe', encoded, true);
    },

    newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
      rt.call('Utilities.newBlob');
      const bytes = bytesOf('newBlob', [data], data);
      const type = contentType ?? (typeof data === 'string' ? 'text/plain' : null);
      return new FakeBlob(rt, bytes, type, name ?? null);
    },

    parseCsv(csv: unknown, delimiter?: unknown): string[][] {
      rt.call('Utilities.parseCsv');
      if (typeof csv !== 'string') throw signature('parseCsv', [csv]);
      const rows = parseCsvText(csv, typeof delimiter === 'string' && delimiter ? delimiter : ',');
      return rt.realm.Array.from(rows, (r) => rt.realm.Array.from(r));
    },
  };

  return { globals: { Utilities } };
}
