/** "Check this sheet": a whole tab re-checked through dispatch (the features' check, or the Orders re-validation). */
import { TabKey } from '../../core/schema';
import { RunContext } from '../../app/context';
import { checksTab, dispatchCheck, runCheckRules } from '../../app/dispatch';
import { revalidateOrders } from '../../features/orders/feature';

/** Orders are re-checked by their re-validation (no feature checks them), as checkWorkbook does. */
const recheckOtherwise = (key: TabKey) => (key === 'orders' ? revalidateOrders : undefined);

/** Can the rules re-check this tab as a whole (a feature's check, or the Orders re-validation)? */
export function canRecheck(key: TabKey): boolean {
  return key === 'orders' || checksTab(key);
}

/** Re-checks every row of a tab (menu "Check this sheet"), in a run that holds the script lock; cells changed. */
export function recheckTab(ctx: RunContext, key: TabKey): number {
  return runCheckRules(ctx, key, recheckOtherwise(key));
}

/** The owner's "Check this sheet": the re-check under the script lock; `onBusy` answers when another run keeps it. */
export function recheckTabLocked(ctx: RunContext, key: TabKey, onBusy: () => number): number {
  return dispatchCheck(ctx, key, recheckOtherwise(key), onBusy);
}
