import { defineConfig } from 'drizzle-kit';

/**
 * Generates the device's migrations from ./schema.ts:
 *   npx drizzle-kit generate --config electron/store/drizzle.config.ts --name <what_changed>
 * Custom SQL (FTS5, triggers): add `--custom`. Commit the generated files; the store applies them
 * at open (see migrate.ts). Never edit a migration that has been committed: add a new one.
 */
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/store/schema.ts',
  out: './electron/store/migrations',
  strict: true,
  verbose: true,
});
