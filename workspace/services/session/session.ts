/**
 * Fake of Session (https://developers.google.com/apps-script/reference/base/session).
 *
 * Google behaviour reproduced:
 * - getActiveUser().getEmail() is '' when "security policies do not allow access to the user's
 *   identity": the email "is not available in any context that allows a script to run without
 *   that user's authorization" — here a time-driven run whose trigger owner is not the active
 *   user, and on consumer accounts any run under someone else's authority (an installable
 *   trigger fired by another person's edit); the restriction "generally do not apply if the
 *   developer runs the script themselves or belongs to the same Google Workspace domain".
 * - getEffectiveUser() is whose authority the script runs with (the trigger's creator).
 * - getTemporaryActiveUserKey() is stable for one user and script, hides the identity, and
 *   changes every 30 days.
 * Simple triggers (onOpen/onEdit without authorization) hiding the email are the runner's
 * business: it passes activeUser '' for them.
 */
import { createHash } from 'crypto';
import type { FakeService, Runtime } from '../../runtime';

export interface SessionOptions {
  /** Session.getActiveUserLocale(), e.g. 'ru' or 'en'. */
  locale?: string;
  /** Salts the temporary user key (one per script project). */
  scriptId?: string;
}

export interface FakeUser {
  getEmail(): string;
  toString(): string;
}

function user(email: string): FakeUser {
  return { getEmail: () => email, toString: () => email };
}

const KEY_ROTATION_MS = 30 * 24 * 3600 * 1000;

export function createSessionService(rt: Runtime, options: SessionOptions = {}): FakeService {
  const activeEmail = (): string => {
    const { kind, activeUser, effectiveUser } = rt.execution;
    if (activeUser === effectiveUser) return activeUser;
    if (kind === 'time') return '';
    return rt.limits.account === 'consumer' ? '' : activeUser;
  };

  const Session = {
    getActiveUser(): FakeUser {
      rt.call('Session.getActiveUser');
      return user(activeEmail());
    },
    getEffectiveUser(): FakeUser {
      rt.call('Session.getEffectiveUser');
      return user(rt.execution.effectiveUser);
    },
    getActiveUserLocale(): string {
      rt.call('Session.getActiveUserLocale');
      return options.locale ?? 'ru';
    },
    getScriptTimeZone(): string {
      rt.call('Session.getScriptTimeZone');
      return rt.scriptTimeZone;
    },
    getTemporaryActiveUserKey(): string {
      rt.call('Session.getTemporaryActiveUserKey');
      const period = Math.floor(rt.clock.nowMs() / KEY_ROTATION_MS);
      const seed = `${options.scriptId ?? 'script'}|${rt.execution.activeUser}|${period}`;
      return createHash('sha256').update(seed).digest('base64url').slice(0, 40);
    },
  };

  return { globals: { Session } };
}
