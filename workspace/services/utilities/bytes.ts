/**
 * Byte[] as Apps Script hands it over: a JS array of Java bytes, -128..127. Strings become bytes
 * through a Charset (UTF-8 unless US_ASCII is asked for, where Java writes '?' for other chars).
 * Blob: the small part of Utilities.newBlob the project needs
 * (https://developers.google.com/apps-script/reference/base/blob).
 */
import type { Runtime } from '../../runtime/runtime';

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

export function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255);
}

export function stringBytes(text: string, charset?: unknown): Buffer {
  // eslint-disable-next-line no-control-regex -- the ASCII range itself
  if (charset === Charset.US_ASCII) return Buffer.from(text.replace(/[^\x00-\x7f]/gu, '?'), 'latin1');
  return Buffer.from(text, 'utf8');
}

export function bytesToBuffer(bytes: number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

/** A realm array of signed Java bytes. */
export function signedBytes(rt: Runtime, buffer: Uint8Array): number[] {
  return rt.realm.Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export function decodeString(buffer: Buffer, charset?: unknown): string {
  return charset === Charset.US_ASCII ? buffer.toString('latin1').replace(/[\x80-\xff]/g, '\ufffd') : buffer.toString('utf8');
}

export class FakeBlob {
  private bytes: Buffer;
  constructor(
    private readonly rt: Runtime,
    data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    this.bytes = data;
  }
  getBytes(): number[] {
    return signedBytes(this.rt, this.bytes);
  }
  getDataAsString(charset?: string): string {
    return decodeString(this.bytes, charset);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): FakeBlob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }
  setDataFromString(text: string, charset?: string): FakeBlob {
    this.bytes = stringBytes(text, charset);
    return this;
  }
  setBytes(data: number[]): FakeBlob {
    this.bytes = bytesToBuffer(data);
    return this;
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(this.rt, Buffer.from(this.bytes), this.contentType, this.name);
  }
  isGoogleType(): boolean {
    return false;
  }
  toString(): string {
    return 'Blob';
  }
}
