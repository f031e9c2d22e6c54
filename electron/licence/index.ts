export * from './evaluate-licence.js';
export * from './file-wiper.js';
export * from './key-value-storage.js';
export * from './lease-verifier.js';
export * from './licence-error.js';
export * from './licence-service.js';
export * from './local-data-wiper.js';
export * from './service-notices.js';
