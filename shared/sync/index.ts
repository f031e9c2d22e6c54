/**
 * The sync module shared by the device (electron/sync) and the hub (server/sync): wire schemas,
 * the table registry, the hub's merge, the device's rebase. Pure: no I/O. See docs/sync.md.
 */
export * from './advice.js';
export * from './cursor.js';
export * from './hlc.js';
export * from './limits.js';
export * from './merge.js';
export * from './opaque-value.js';
export * from './protocol.js';
export * from './rebase.js';
export * from './restore.js';
export * from './row-state.js';
export * from './tables.js';
