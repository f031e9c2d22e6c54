import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs for the core. Secrets and client data never go in: the redact list is a
 * safety net for the keys most likely to slip in by accident.
 */
export function createLogger(name: string, level = process.env.THUISDOSSIER_LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['password', '*.password', 'totp', '*.totp', 'token', '*.token', 'key', '*.key', 'input'],
      censor: '[verborgen]',
    },
  });
}
