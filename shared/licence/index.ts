export * from './canonical.js';
export * from './lease.js';
export * from './sign.js';
export * from './time.js';
