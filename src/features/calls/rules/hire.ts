/**
 * Hired on a call (seed 003: in the CRM the employee's status becomes "Hired", with the
 * start date, the price and the link to the signed contract): checked, never rewritten.
 */
import { isDate } from '../../../core/time';
import { Problem, problem } from './messages';
import { CallCandidate } from './comments';

const textOf = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export interface HireInput {
  hired?: unknown;
  hireStartDate?: unknown;
  price?: unknown;
  contractLink?: unknown;
  /** A "Hired candidate ID" column, if the workbook has one; else the call's only candidate. */
  hiredCandidateId?: unknown;
}

export interface Hire {
  candidateId: string;
  /** The Candidates status to set (seed 003: CRM status "Hired"). */
  status: 'Hired';
  startDate: Date;
  price: number;
  contractLink: string;
}

const HIRE_FIELDS = {
  hireStartDate: { en: 'Hire start date', ru: 'Дата выхода' },
  price: { en: 'Price', ru: 'Цена' },
  contractLink: { en: 'Contract link', ru: 'Ссылка на договор' },
};

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined || (typeof v === 'string' && !v.trim());

/**
 * Hired (seed 003: status "Hired" plus start date, price and signed-contract link). Returns
 * null hire and no problems when Hired is not ticked.
 */
export function checkHire(row: HireInput, candidates: readonly CallCandidate[]): { problems: Problem[]; hire: Hire | null } {
  const problems: Problem[] = [];
  if (row.hired !== true) return { problems, hire: null };
  const { hireStartDate, price, contractLink } = row;
  if (isEmpty(hireStartDate)) problems.push(problem('hireFieldMissing', { field: HIRE_FIELDS.hireStartDate }));
  else if (!isDate(hireStartDate)) problems.push(problem('hireStartDateInvalid', { value: textOf(hireStartDate) }));
  if (isEmpty(price)) problems.push(problem('hireFieldMissing', { field: HIRE_FIELDS.price }));
  else if (typeof price !== 'number' || !(price > 0)) problems.push(problem('hirePriceInvalid', { value: textOf(price) }));
  const link = textOf(contractLink).trim();
  if (!link) problems.push(problem('hireFieldMissing', { field: HIRE_FIELDS.contractLink }));
  else if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(link)) problems.push(problem('hireContractInvalid', { value: link }));
  let candidateId = textOf(row.hiredCandidateId).trim();
  if (!candidateId) {
    if (candidates.length === 1) candidateId = candidates[0].id;
    else problems.push(problem(candidates.length ? 'hireWhichCandidate' : 'hireNoCandidate'));
  }
  if (problems.length || !isDate(hireStartDate) || typeof price !== 'number') return { problems, hire: null };
  return { problems, hire: { candidateId, status: 'Hired', startDate: hireStartDate, price, contractLink: link } };
}
