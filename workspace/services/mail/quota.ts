/**
 * The daily email-recipient quota MailApp and GmailApp share.
 *
 * https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 * - "Email recipients per day": 100 (consumer) / 1,500 (Workspace) — rt.limits.mailRecipientsPerDay.
 * - "Quotas are per user and reset 24 hours after the first request." — kept per effective
 *   user on the simulated clock, in the state file mail-quota.json so it survives runs.
 * - Over the quota: "Service invoked too many times for one day: email." (the text scripts log).
 * https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
 */
import type { Runtime } from '../../runtime/runtime';

export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
export const QUOTA_FILE = 'mail-quota.json';
const DAY_MS = 24 * 60 * 60 * 1000;

interface UserQuota {
  /** When the first counted request of the current window was made (ISO), or null. */
  windowStart: string | null;
  used: number;
}

type QuotaFile = Record<string, UserQuota>;

export class DailyQuota {
  private memory: QuotaFile = {};

  constructor(private rt: Runtime) {}

  /** Recipients still allowed in the current window. */
  remaining(): number {
    return Math.max(0, this.rt.limits.mailRecipientsPerDay - this.current().used);
  }

  /** Throws Google's error, counting nothing, when `recipients` do not fit. */
  check(recipients: number): void {
    if (this.current().used + recipients > this.rt.limits.mailRecipientsPerDay) {
      throw this.rt.error(QUOTA_EXCEEDED);
    }
  }

  consume(recipients: number): void {
    const entry = this.current();
    const next: UserQuota = {
      windowStart: entry.windowStart ?? new Date(this.rt.clock.nowMs()).toISOString(),
      used: entry.used + recipients,
    };
    const all = this.load();
    all[this.rt.execution.effectiveUser] = next;
    this.save(all);
  }

  private current(): UserQuota {
    const entry = this.load()[this.rt.execution.effectiveUser];
    if (!entry || entry.windowStart === null) return { windowStart: null, used: 0 };
    if (this.rt.clock.nowMs() >= Date.parse(entry.windowStart) + DAY_MS) return { windowStart: null, used: 0 };
    return entry;
  }

  // Read on every use: another execution (or CLI run) may have spent quota since.
  private load(): QuotaFile {
    return this.rt.state ? this.rt.state.read<QuotaFile>(QUOTA_FILE, {}) : this.memory;
  }

  private save(all: QuotaFile): void {
    if (this.rt.state) this.rt.state.write(QUOTA_FILE, all);
    else this.memory = all;
  }
}
