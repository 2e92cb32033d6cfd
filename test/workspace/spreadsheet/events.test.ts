import { editEvent, eventText } from '../../../workspace/runtime/events';
import { Execution } from '../../../workspace/runtime/runtime';
import { Any, setup } from './helpers';

const installable = (editor: string): Execution => ({
  kind: 'ui',
  activeUser: editor,
  effectiveUser: 'owner@firm.test',
  trigger: 'installable',
});
const simple = (editor: string): Execution => ({ kind: 'ui', activeUser: editor, effectiveUser: editor, trigger: 'simple' });
const workspace = { account: 'workspace' as const, domain: 'firm.test' };
const consumer = { account: 'consumer' as const };

describe('the edit event object, as Google sends it', () => {
  test('one typed cell: value and oldValue, as text', async () => {
    const { sheet } = await setup();
    const range = sheet.getRange('B2') as Any;
    const e = editEvent(
      installable('clerk@firm.test'),
      workspace,
      { range, shape: 'typed', newValue: 7, oldValue: 'old', timeZone: 'Europe/Moscow' },
      '123',
    );
    expect(e.value).toBe('7');
    expect(e.oldValue).toBe('old');
    expect(e.authMode).toBe('FULL');
    expect(e.triggerUid).toBe('123');
    expect((e.user as Any).getEmail()).toBe('clerk@firm.test');
  });

  test('typed into an empty cell: no oldValue; a cleared cell: oldValue and no value', async () => {
    const { sheet } = await setup();
    const range = sheet.getRange('B2') as Any;
    const typed = editEvent(installable('clerk@firm.test'), workspace, {
      range,
      shape: 'typed',
      newValue: 'new',
      oldValue: '',
      timeZone: 'UTC',
    });
    expect(typed).toHaveProperty('value', 'new');
    expect(typed).not.toHaveProperty('oldValue');
    const cleared = editEvent(installable('clerk@firm.test'), workspace, {
      range,
      shape: 'typed',
      newValue: '',
      oldValue: 'was',
      timeZone: 'UTC',
    });
    expect(cleared).not.toHaveProperty('value');
    expect(cleared).toHaveProperty('oldValue', 'was');
  });

  test('a paste into one cell, and any edit of several cells, carry neither', async () => {
    const { sheet } = await setup();
    const one = editEvent(installable('clerk@firm.test'), workspace, {
      range: sheet.getRange('B2') as Any,
      shape: 'paste',
      newValue: 'x',
      oldValue: 'y',
      timeZone: 'UTC',
    });
    const block = editEvent(installable('clerk@firm.test'), workspace, {
      range: sheet.getRange('B2:C2') as Any,
      shape: 'typed',
      newValue: 'x',
      oldValue: 'y',
      timeZone: 'UTC',
    });
    for (const e of [one, block]) {
      expect(e).not.toHaveProperty('value');
      expect(e).not.toHaveProperty('oldValue');
    }
  });

  test('ticks are "TRUE"/"FALSE", dates their serial number in the spreadsheet zone', () => {
    expect(eventText(true, 'UTC')).toBe('TRUE');
    expect(eventText(false, 'UTC')).toBe('FALSE');
    expect(eventText(new Date('2026-11-23T00:00:00+03:00'), 'Europe/Moscow')).toBe('46349');
    expect(eventText(new Date('2026-11-23T12:00:00Z'), 'UTC')).toBe('46349.5');
    expect(eventText('', 'UTC')).toBeUndefined();
  });

  test('the user is named only where Google would: never by a simple trigger, not across consumer accounts or domains', async () => {
    const { sheet } = await setup();
    const input = { range: sheet.getRange('A2') as Any, shape: 'typed' as const, newValue: 'x', timeZone: 'UTC' };
    const email = (run: Execution, limits: { account: 'consumer' | 'workspace'; domain?: string }) =>
      (editEvent(run, limits, input).user as Any).getEmail();
    expect(email(simple('owner@firm.test'), workspace)).toBe('');
    expect(editEvent(simple('owner@firm.test'), workspace, input).authMode).toBe('LIMITED');
    expect(email(installable('clerk@firm.test'), consumer)).toBe('');
    expect(email(installable('owner@firm.test'), consumer)).toBe('owner@firm.test');
    expect(email(installable('clerk@firm.test'), workspace)).toBe('clerk@firm.test');
    expect(email(installable('partner@gmail.com'), workspace)).toBe('');
  });
});
