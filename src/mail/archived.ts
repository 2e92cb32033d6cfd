/**
 * Mail an earlier version archived while it still stood (issue 15's archive before the key
 * kinds of src/mail/kinds.ts): the first full tick after the update brings those rows back to
 * the live Outbox before any feature runs (this feature is first in the registry), so their
 * mail is not sent again. One script property records that it was done; after that a tick
 * costs one getProperty here. An edit made between the update and that first full tick may
 * still find such a row missing (the gate runs a full tick as soon as anything is due, and
 * the 03:00 pass at the latest) — the less convenient reading, said here.
 */
import { Feature } from '../app/feature';
import { restoreStanding } from '../google/archive';

export const STANDING_RESTORED = 'reglament.archive.standingRestored';

export const archivedMailFeature: Feature = {
  name: 'archived-mail',
  tabs: [],
  tick(ctx) {
    const props = PropertiesService.getScriptProperties();
    if (props.getProperty(STANDING_RESTORED)) return;
    const back = restoreStanding(ctx.ss, ctx.sheets.get('outbox'), ctx.now.getTime());
    if (back > 0) {
      ctx.invalidate('outbox');
      ctx.log({
        tab: ctx.sheets.get('outbox')?.getName() ?? 'Outbox',
        rowKey: '',
        action: ctx.locale === 'en' ? 'Outbox rows back from the archive' : 'Строки «Исходящих» возвращены из архива',
        details:
          ctx.locale === 'en'
            ? `${back}: their mail may still be asked for, so they stay live (sent once)`
            : `${back}: их письмо ещё может понадобиться, поэтому они остаются в «Исходящих» (отправка один раз)`,
      });
    }
    props.setProperty(STANDING_RESTORED, String(ctx.now.getTime()));
  },
};
