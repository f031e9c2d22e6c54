/**
 * Subscription and licence rules (SPEC.md §3; terms art. 5, 6, 8, 9, 14, 15, 16, 17, 20) as pure
 * functions: no I/O, no clock (today comes in as an argument), dates as 'YYYY-MM-DD'
 * (Europe/Amsterdam calendar days), money in euro cents, zod schemas for every state and event.
 */
export * from './dates.js';
export * from './money.js';
export * from './plans.js';
export * from './periods.js';
export * from './cancellation.js';
export * from './pricing.js';
export * from './downgrade.js';
export * from './state.js';
export * from './events.js';
export * from './machine.js';
export * from './licence.js';
export * from './terms.js';
