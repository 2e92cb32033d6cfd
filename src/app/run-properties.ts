/**
 * The script properties an edit's run read under the script lock, kept for the run (issue 15: an
 * edit reads the properties once and writes them once more at its end, not a call per module).
 *
 * An edit reads every property when it takes the lock (dispatch.ts drainDeferred); the modules
 * that keep state under the lock — a late report's quiet spell (features/schedules/report.ts),
 * the script's own Calendar writes (features/calls/readback.ts), the Calendar pause — read from
 * that snapshot instead of asking Google again, and their writes wait for the edit's last
 * setProperties (gate.ts settleEditPlan) or the end of the run. What other runs write without
 * the lock (deferred edits, queued sidebar actions) is never read from here. A run killed before
 * its end loses the waiting writes: a late report then goes with the next full tick, and the
 * next Calendar read-back takes the run's own event writes for a person's (a full tick); its mark
 * (written before it reads the Outbox or Selections, gate.ts deferMark) still re-plans. A tick's
 * Calendar probe holds the properties its gate read the same way (dispatch.ts).
 */
type Properties = GoogleAppsScript.Properties.Properties;

interface Held {
  all: Record<string, string>;
  pending: Record<string, string>;
}

let held: Held | null = null;

/** This run holds the lock and read every property (`all`): reads come from it, writes wait. */
export function holdProperties(all: Record<string, string>): void {
  held = { all: { ...all }, pending: {} };
}

/** Writes what waits, with `extra` (one setProperties), and lets go of the snapshot. */
export function releaseProperties(extra: Record<string, string> = {}): void {
  const out = held ? { ...held.pending, ...extra } : extra;
  held = null;
  if (Object.keys(out).length) PropertiesService.getScriptProperties().setProperties(out);
}

/** A property as the held snapshot has it (null: absent); undefined when this run holds none (read Google if it matters). */
export function heldProperty(key: string): string | null | undefined {
  if (!held) return undefined;
  return key in held.all ? held.all[key] : null;
}

/** The script properties as this run knows them: the held snapshot, or Google's. */
export function runProperties(): Pick<Properties, 'getProperty' | 'getProperties' | 'setProperty' | 'setProperties' | 'deleteProperty'> {
  const h = held;
  const real = () => PropertiesService.getScriptProperties();
  if (!h) return real();
  const facade = {
    getProperty: (key: string) => (key in h.all ? h.all[key] : null),
    getProperties: () => ({ ...h.all }),
    setProperty: (key: string, value: string) => {
      h.all[key] = h.pending[key] = value;
      return facade as unknown as Properties;
    },
    setProperties: (values: Record<string, string>) => {
      Object.assign(h.all, values);
      Object.assign(h.pending, values);
      return facade as unknown as Properties;
    },
    deleteProperty: (key: string) => {
      delete h.all[key];
      delete h.pending[key];
      real().deleteProperty(key);
      return facade as unknown as Properties;
    },
  };
  return facade as unknown as Properties;
}
