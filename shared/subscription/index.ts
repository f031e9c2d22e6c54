/**
 * Subscription and licence rules (SPEC.md §3; terms art. 5, 6, 8, 9, 14, 15, 16, 17, 20) as pure
 * functions: no I/O, no clock (today comes in as an argument), dates as 'YYYY-MM-DD', money in euro
 * cents.
 */
export * from './dates.js';
export * from './plans.js';
export * from './periods.js';
export * from './cancellation.js';
