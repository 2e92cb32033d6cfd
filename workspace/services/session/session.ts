/**
 * Fake of Session (https://developers.google.com/apps-script/reference/base/session).
 *
 * Google behaviour reproduced (Class User, getEmail():
 * https://developers.google.com/apps-script/reference/base/user#getEmail()):
 * - getActiveUser().getEmail() is '' when "security policies do not allow access to the user's
 *   email address": it "is not available in any context that allows a script to run without
 *   that user's authorization, like a simple onOpen(e) or onEdit(e) trigger" — here every
 *   simple trigger (the stricter reading: Google says the restriction "generally" lifts for
 *   the developer; here it never does), a time-driven run whose trigger owner is not the
 *   active user, and an installable trigger fired by someone else's edit on a consumer
 *   account or by an editor outside the owner's Google Workspace domain; "these restrictions
 *   generally do not apply if the developer runs the script themselves or belongs to the
 *   same Google Workspace domain as the user" — the owner and same-domain editors are seen.
 * - Sidebar and dialog callbacks (google.script.run) run as the person who clicked, under
 *   their own authorization: active and effective user are both that person, so seen.
 * - getEffectiveUser() is whose authority the script runs with (the trigger's creator).
 * - getTemporaryActiveUserKey() is stable for one user and script, hides the identity, and
 *   changes every 30 days.
 * The same visibility decides the `user` of an edit event (visibleEditor), as Google's event
 * object carries "the active user, if available".
 */
import { createHash } from 'crypto';
import type { Execution, FakeService, Limits, Runtime } from '../../runtime/runtime';

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

function domainOf(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}

/** The active user's e-mail as Google lets an execution like `execution` see it ('' when hidden). */
export function visibleTo(execution: Execution, limits: Pick<Limits, 'account' | 'domain'>): string {
  const { kind, activeUser, effectiveUser, trigger } = execution;
  if (trigger === 'simple') return '';
  if (activeUser.trim().toLowerCase() === effectiveUser.trim().toLowerCase()) return activeUser;
  if (kind === 'time') return '';
  if (limits.account === 'consumer') return '';
  const domain = (limits.domain ?? domainOf(effectiveUser)).toLowerCase();
  return domainOf(activeUser) === domain ? activeUser : '';
}

/** What this execution's Session.getActiveUser() gives. */
export function visibleEditor(rt: Runtime): string {
  return visibleTo(rt.execution, rt.limits);
}

export function createSessionService(rt: Runtime, options: SessionOptions = {}): FakeService {
  const activeEmail = (): string => visibleEditor(rt);

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
