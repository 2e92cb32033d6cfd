/**
 * Fakes of Logger (https://developers.google.com/apps-script/reference/base/logger) and console
 * (https://developers.google.com/apps-script/reference/base/console).
 *
 * Google behaviour reproduced:
 * - Logger.log(data) converts values the Java way: numbers are doubles ("5.0"), objects print as
 *   maps ("{key=value}", the documented example), arrays as "[a, b]", dates as java.util.Date
 *   ("Wed Mar 05 10:00:00 MSK 2025", script time zone); an object with a "message" property logs
 *   that message (documented).
 * - Logger.log(format, values...) fills "%s" placeholders with the values converted to strings
 *   (documented); "%d" takes a whole number.
 * - Logger.log returns the Logger for chaining; getLog() returns the current execution's lines
 *   as "[yy-MM-dd HH:mm:ss:SSS z] message" each followed by a newline; clear() empties it.
 * - console.log/info/warn/error/debug go to the execution log only (not getLog()), formatted
 *   like Chrome's console (%s %d %i %f %o %O %j).
 */
import { format } from 'util';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { formatJavaDate, resolveZone } from './javaDate';

export type LogLevel = 'info' | 'log' | 'warn' | 'error' | 'debug';

export interface LogLine {
  source: 'Logger' | 'console' | 'runner';
  level: LogLevel;
  message: string;
  /** Simulated time of the line, ms since the epoch. */
  at: number;
}

export interface LoggerOptions {
  /** Receives every line as it is written (the CLI prints them). */
  sink?: (line: LogLine) => void;
}

export interface LoggerFake extends FakeService {
  /** Every Logger and console line of all executions, oldest first. */
  lines: LogLine[];
  setSink(sink: ((line: LogLine) => void) | undefined): void;
  /** Writes a line from the runner itself (e.g. "Exception: ..." when an execution fails). */
  record(message: string, level?: LogLevel): void;
}

/** Double.toString: 5 → "5.0", 1e7 → "1.0E7", 1.5e-4 → "1.5E-4". */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const a = Math.abs(n);
  if (a >= 1e-3 && a < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null; // any realm's Object.prototype
}

/** A JS value as Apps Script's Logger prints it after converting it to a Java object. */
export function javaString(value: unknown, timeZone: string, depth = 0): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return javaDouble(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object') return String(value);
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    return Number.isNaN(ms) ? 'Invalid Date' : formatJavaDate(ms, resolveZone(timeZone), 'EEE MMM dd HH:mm:ss zzz yyyy');
  }
  if (depth > 8) return '...';
  if (Array.isArray(value)) return `[${value.map((v) => javaString(v, timeZone, depth + 1)).join(', ')}]`;
  if (!isPlainObject(value)) return String(value);
  const entries = Object.entries(value).map(([k, v]) => `${k}=${javaString(v, timeZone, depth + 1)}`);
  return `{${entries.join(', ')}}`;
}

export function createLoggerService(rt: Runtime, options: LoggerOptions = {}): LoggerFake {
  const lines: LogLine[] = [];
  let sink = options.sink;
  let loggerLines: LogLine[] = []; // what getLog() returns: this execution's Logger lines since clear()
  let executionStart = Number.NaN;
  /** getLog() covers the current execution only: a new clock start means a new execution. */
  const currentLog = (): LogLine[] => {
    const start = rt.clock.startedAt();
    if (start !== executionStart) {
      executionStart = start;
      loggerLines = [];
    }
    return loggerLines;
  };

  const write = (source: LogLine['source'], level: LogLevel, message: string): LogLine => {
    const line: LogLine = { source, level, message, at: rt.clock.nowMs() };
    lines.push(line);
    sink?.(line);
    return line;
  };

  interface LoggerApi {
    log(data: unknown, ...values: unknown[]): LoggerApi;
    getLog(): string;
    clear(): void;
  }
  const Logger: LoggerApi = {
    log(data: unknown, ...values: unknown[]): LoggerApi {
      rt.call('Logger.log');
      const zone = rt.scriptTimeZone;
      let message: string;
      if (values.length > 0 && typeof data === 'string') {
        let i = 0;
        message = data.replace(/%[sd]/g, (spec) => {
          if (i >= values.length) return spec;
          const v = values[i++];
          return spec === '%d' && typeof v === 'number' ? String(Math.trunc(v)) : javaString(v, zone);
        });
      } else if (data !== null && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
        message = (data as { message: string }).message;
      } else {
        message = javaString(data, zone);
      }
      currentLog().push(write('Logger', 'info', message));
      return Logger;
    },
    getLog(): string {
      rt.call('Logger.getLog');
      const zone = resolveZone(rt.scriptTimeZone);
      return currentLog()
        .map((l) => `[${formatJavaDate(l.at, zone, 'yy-MM-dd HH:mm:ss:SSS z')}] ${l.message}\n`)
        .join('');
    },
    clear(): void {
      rt.call('Logger.clear');
      currentLog().length = 0;
    },
  };

  const level =
    (name: LogLevel) =>
    (...args: unknown[]): void => {
      rt.call(`console.${name}`);
      write('console', name, format(...args));
    };
  const timers = new Map<string, number>();
  const consoleFake = {
    log: level('log'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
    debug: level('debug'),
    time(label = 'default'): void {
      rt.call('console.time');
      timers.set(String(label), rt.clock.nowMs());
    },
    timeEnd(label = 'default'): void {
      rt.call('console.timeEnd');
      const start = timers.get(String(label));
      if (start === undefined) return;
      timers.delete(String(label));
      write('console', 'log', `${String(label)}: ${rt.clock.nowMs() - start}ms`);
    },
  };

  return {
    globals: { Logger, console: consoleFake },
    lines,
    setSink(next) {
      sink = next;
    },
    record(message, level = 'error') {
      write('runner', level, message);
    },
  };
}
