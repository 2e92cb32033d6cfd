/** Order and agreement IDs. */
import { cellText } from '../../../core/values';

/**
 * The next `count` IDs like ORD-2026-0001: one more than the highest number already used
 * for that prefix and year, so IDs are never reused even after rows are deleted, and
 * assigning twice from the same list gives the same answer.
 */
export function nextIds(prefix: string, existingIds: Iterable<unknown>, year: number, count = 1): string[] {
  const re = new RegExp(`^${prefix}-(\\d{4})-(\\d+)$`, 'i');
  let max = 0;
  for (const id of existingIds) {
    const m = re.exec(cellText(id));
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(`${prefix}-${year}-${String(max + i).padStart(4, '0')}`);
  return out;
}

export function nextOrderId(existingIds: Iterable<unknown>, year: number): string {
  return nextIds('ORD', existingIds, year)[0];
}

export function nextAgreementId(existingIds: Iterable<unknown>, year: number): string {
  return nextIds('AGR', existingIds, year)[0];
}
