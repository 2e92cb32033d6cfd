import { Execution, Runtime } from '../../../workspace/runtime/runtime';
import { createSessionService } from '../../../workspace/services/session';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is called as the bundle calls it */
function session(
  execution: Partial<Execution>,
  options: Parameters<typeof createSessionService>[1] = {},
  account: 'consumer' | 'workspace' = 'consumer',
) {
  const rt = new Runtime({ now: new Date('2025-03-05T10:00:00Z'), execution, timeZone: 'Asia/Yekaterinburg', limits: { account } });
  return { rt, Session: createSessionService(rt, options).globals.Session as any };
}

describe('Session users', () => {
  test('the owner running from the editor is both active and effective user', () => {
    const { Session } = session({ kind: 'editor', activeUser: 'owner@example.com' });
    expect(Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(String(Session.getActiveUser())).toBe('owner@example.com');
  });

  test('a time trigger owned by someone else hides the active user', () => {
    const { Session } = session({ kind: 'time', activeUser: 'clerk@example.com', effectiveUser: 'owner@example.com' });
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
  });

  test("another consumer account's identity is hidden, a Workspace colleague's is not", () => {
    const ui = { kind: 'ui' as const, activeUser: 'clerk@example.com', effectiveUser: 'owner@example.com' };
    expect(session(ui).Session.getActiveUser().getEmail()).toBe('');
    expect(session(ui, {}, 'workspace').Session.getActiveUser().getEmail()).toBe('clerk@example.com');
  });
});

describe('who an installable trigger may name (consumer vs Workspace, domains)', () => {
  const editBy = (editor: string, account: 'consumer' | 'workspace', domain?: string, trigger: 'simple' | 'installable' = 'installable') => {
    const rt = new Runtime({
      execution: { kind: 'ui', activeUser: editor, effectiveUser: trigger === 'simple' ? editor : 'owner@firm.test', trigger },
      limits: { account, domain },
    });
    return createSessionService(rt).globals.Session as any;
  };
  test('consumer: nobody but the owner is named', () => {
    expect(editBy('clerk@firm.test', 'consumer').getActiveUser().getEmail()).toBe('');
    expect(editBy('owner@firm.test', 'consumer').getActiveUser().getEmail()).toBe('owner@firm.test');
  });
  test('Workspace: the owner and the same domain are named, other domains are not', () => {
    expect(editBy('clerk@firm.test', 'workspace', 'firm.test').getActiveUser().getEmail()).toBe('clerk@firm.test');
    expect(editBy('Clerk@FIRM.test', 'workspace', 'firm.test').getActiveUser().getEmail()).toBe('Clerk@FIRM.test');
    expect(editBy('partner@gmail.com', 'workspace', 'firm.test').getActiveUser().getEmail()).toBe('');
    expect(editBy('owner@firm.test', 'workspace', 'firm.test').getActiveUser().getEmail()).toBe('owner@firm.test');
  });
  test('a simple trigger never names anyone, not even the owner', () => {
    expect(editBy('owner@firm.test', 'workspace', 'firm.test', 'simple').getActiveUser().getEmail()).toBe('');
    expect(editBy('clerk@firm.test', 'workspace', 'firm.test', 'simple').getActiveUser().getEmail()).toBe('');
  });
  test('a sidebar callback runs as the person who clicked: named on every account', () => {
    for (const account of ['consumer', 'workspace'] as const) {
      const rt = new Runtime({
        execution: { kind: 'ui', activeUser: 'partner@gmail.com', effectiveUser: 'partner@gmail.com' },
        limits: { account, domain: 'firm.test' },
      });
      const Session = createSessionService(rt).globals.Session as any;
      expect(Session.getActiveUser().getEmail()).toBe('partner@gmail.com');
      expect(Session.getEffectiveUser().getEmail()).toBe('partner@gmail.com');
    }
  });
});

describe('Session settings', () => {
  test('locale defaults to ru; the script time zone comes from the runtime', () => {
    const { Session, rt } = session({});
    expect(Session.getActiveUserLocale()).toBe('ru');
    expect(session({}, { locale: 'en' }).Session.getActiveUserLocale()).toBe('en');
    expect(Session.getScriptTimeZone()).toBe('Asia/Yekaterinburg');
    expect(rt.meter.countOf('Session.')).toBe(2);
  });

  test('the temporary user key is stable per user, hides the email and rotates after 30 days', () => {
    const a = session({ activeUser: 'a@example.com' });
    const key = a.Session.getTemporaryActiveUserKey();
    expect(a.Session.getTemporaryActiveUserKey()).toBe(key);
    expect(key).not.toContain('example');
    expect(session({ activeUser: 'b@example.com' }).Session.getTemporaryActiveUserKey()).not.toBe(key);
    a.rt.beginExecution(new Date('2025-04-05T10:00:00Z'));
    expect(a.Session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});
