import path from 'node:path';
import { readConfig } from '../config.js';
import { redactUrl } from '../db/database.js';
import { backupService, restoreService } from './service-backup.js';

/**
 * npm run server:backup                          one encrypted backup of the service's database
 * npm run server:restore -- <file>               restore it (stop the service first)
 * Add --service-stopped for PGlite when a crash left its lock file. See docs/operations.md.
 */
const [command, ...rest] = process.argv.slice(2);
const serviceStopped = rest.includes('--service-stopped');
const args = rest.filter((arg) => !arg.startsWith('--'));

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const where = config.databaseUrl ? `PostgreSQL at ${redactUrl(config.databaseUrl)}` : `PGlite in ${path.join(config.dataDir, 'pglite')}`;
  if (command === 'backup') {
    const run = await backupService(config, process.env, { now: new Date(), serviceStopped });
    const tables = Object.values(run.manifest.tables);
    console.log(`Backup of ${where} written: ${run.file}`);
    console.log(`  ${tables.length} tables, ${tables.reduce((sum, t) => sum + t.rows, 0)} rows, dump ${run.manifest.dumpBytes} bytes (encrypted)`);
    for (const file of run.pruned) console.log(`  removed old backup ${file}`);
    return;
  }
  if (command === 'restore') {
    const file = args[0];
    if (!file) throw new Error('Usage: npm run server:restore -- <backup file> [--service-stopped]');
    const manifest = await restoreService(config, process.env, path.resolve(file), { serviceStopped });
    console.log(`Restored ${file} into ${where}: ${Object.keys(manifest.tables).length} tables, row counts and checksums equal to the backup.`);
    console.log('Start the service; devices will re-send what they changed after this backup (docs/sync.md, "Restore from a backup").');
    return;
  }
  console.error('Use: backup [--service-stopped] | restore <file> [--service-stopped]');
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
