/**
 * Seed 001's contract duties as tracked deadlines (issue 14, pieces 5–6): hot leads to the
 * client within 10 minutes (hot-lead.ts), service scheme changes within 1 day (scheme.ts),
 * the act's signature within 5 working days (act.ts), and the reminders to a silent client
 * and before payment (client-reminders.ts). The digest lines are in digest.ts.
 */
import { Feature } from '../../app/feature';
import { leaveWork } from '../../app/gate';
import { Mailer } from '../../mail/mailer';
import { readTabBlock } from '../../google/workbook';
import { updateActStatus } from './act';
import { remindersDue, sendClientReminders } from './client-reminders';
import { noteHotLeads, sendHotLeads } from './hot-lead';
import { trackSchemeChanges } from './scheme';
import { minOf, maxOf } from '../../core/values';

const ACT_COLUMNS = ['actSentAt', 'actSignedAt'];
const SCHEME_COLUMNS = ['schemeChangeRequestedAt', 'schemeChangeDoneAt'];
const RESERVE_MS = 20000;

export const dutiesFeature: Feature = {
  name: 'duties',
  tabs: ['callingResults', 'orders'],
  onEdit(ctx, edit) {
    if (edit.rows.length === 0) return;
    if (edit.tab === 'callingResults') noteHotLeads(ctx, edit);
    // The next tick tells the Client department of a scheme change (scheme.ts): it runs in full.
    if (edit.tab === 'orders' && (edit.columns.length === 0 || edit.columns.some((c) => SCHEME_COLUMNS.indexOf(c) >= 0))) leaveWork(ctx);
    else if (edit.tab === 'orders' && (edit.columns.length === 0 || edit.columns.some((c) => ACT_COLUMNS.indexOf(c) >= 0))) {
      const block = readTabBlock(ctx.sheets.get('orders'), 'orders', minOf(edit.rows), maxOf(edit.rows));
      if (block) updateActStatus(ctx, block, edit.rows);
    }
  },
  tick(ctx, deadline) {
    const timeLeft = () => Date.now() < deadline - RESERVE_MS;
    const mailer = new Mailer(ctx, timeLeft);
    // The hot lead first: it has minutes, everything else has a day.
    sendHotLeads(ctx, mailer);
    if (!timeLeft()) return;
    trackSchemeChanges(ctx, mailer);
    const orders = ctx.tab('orders');
    if (orders) updateActStatus(ctx, orders);
    if (timeLeft() && remindersDue(ctx)) sendClientReminders(ctx, mailer);
  },
};
