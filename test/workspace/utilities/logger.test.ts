import { Runtime } from '../../../workspace/runtime/runtime';
import { createLoggerService, javaDouble, LogLine } from '../../../workspace/services/utilities';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */
function setup() {
  const rt = new Runtime({ now: new Date('2025-03-05T10:15:30Z'), timeZone: 'Europe/Moscow' });
  const seen: LogLine[] = [];
  const service = createLoggerService(rt, { sink: (l) => seen.push(l) });
  const { Logger, console } = service.globals as { Logger: any; console: any };
  return { rt, service, Logger, console, seen };
}

const last = (lines: LogLine[]) => lines[lines.length - 1].message;

describe('Logger.log', () => {
  test('fills %s placeholders with values converted as Java does (numbers are doubles)', () => {
    const { service, Logger } = setup();
    Logger.log('You are a member of %s Google Groups.', 5);
    expect(last(service.lines)).toBe('You are a member of 5.0 Google Groups.');
    Logger.log('%s rows, %d new', 'ten', 3.9);
    expect(last(service.lines)).toBe('ten rows, 3 new');
  });

  test('objects print as Java maps, arrays as lists, an object with message logs the message', () => {
    const { service, Logger } = setup();
    Logger.log({ key: 'value', n: 1 });
    expect(last(service.lines)).toBe('{key=value, n=1.0}');
    Logger.log([1, 'a', null]);
    expect(last(service.lines)).toBe('[1.0, a, null]');
    Logger.log({ message: 'my log message', data: { key: 'value' } });
    expect(last(service.lines)).toBe('my log message');
    Logger.log(new Date('2025-03-05T10:15:30Z'));
    expect(last(service.lines)).toBe('Wed Mar 05 13:15:30 MSK 2025');
  });

  test('Double.toString rules for logged numbers', () => {
    expect([javaDouble(5), javaDouble(0.5), javaDouble(1e7), javaDouble(12345678), javaDouble(1e-4), javaDouble(-0)]).toEqual([
      '5.0',
      '0.5',
      '1.0E7',
      '1.2345678E7',
      '1.0E-4',
      '-0.0',
    ]);
  });

  test('returns the Logger for chaining and mirrors each line to the sink', () => {
    const { Logger, seen } = setup();
    expect(Logger.log('a').log('b')).toBe(Logger);
    expect(seen.map((l) => l.message)).toEqual(['a', 'b']);
  });

  test("getLog lists this execution's lines with a time stamp; clear empties it", () => {
    const { rt, Logger } = setup();
    Logger.log('hello');
    expect(Logger.getLog()).toBe('[25-03-05 13:15:30:000 MSK] hello\n');
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    Logger.log('again');
    rt.beginExecution(new Date('2025-03-06T10:00:00Z'));
    expect(Logger.getLog()).toBe('');
  });
});

describe('console', () => {
  test('formats like a browser console and stays out of Logger.getLog', () => {
    const { service, Logger, console } = setup();
    console.log('x=%d %s', 5, 'ok');
    console.error({ a: 1 });
    expect(service.lines.map((l) => [l.source, l.level, l.message])).toEqual([
      ['console', 'log', 'x=5 ok'],
      ['console', 'error', '{ a: 1 }'],
    ]);
    expect(Logger.getLog()).toBe('');
  });

  test('runner lines (a failed execution) are recorded', () => {
    const { service } = setup();
    service.record('Exception: boom');
    expect(service.lines[0]).toMatchObject({ source: 'runner', level: 'error', message: 'Exception: boom' });
  });
});
