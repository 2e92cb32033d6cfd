/**
 * Orders (docs/DOMAIN.md §3, §5.3, §9.5), by job: reading a row (reading.ts), cells (cells.ts), validation
 * (validate.ts), the HR gate and the hand-off decision (handoff.ts), its e-mail
 * (handoff-email.ts), IDs (ids.ts), formats (format.ts). This module re-exports them so
 * `rules/orders` stays the one name callers import.
 */
export * from './reading';
export * from './cells';
export * from './validate';
export * from './handoff';
export * from './handoff-email';
export * from './ids';
export * from './format';
