/**
 * Retention and deletion (SPEC §4; WGBO, art. 7:454 and 7:455 BW) as pure rules: no I/O, no
 * clock (today and the time come in as arguments), dates as 'YYYY-MM-DD' (Europe/Amsterdam).
 * The server and the device store apply them; see README.md for what each must do.
 */
export * from './retention-period.js';
export * from './retention-audit.js';
export * from './removal-case.js';
export * from './deletion-request.js';
export * from './destruction-review.js';
