import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportAllDossiersToExcel } from '../../electron/export/excel/excel-export.js';
import { evaluateLicence } from '../../electron/licence/evaluate-licence.js';
import { leaseOf } from '../../electron/licence/test-support.js';
import type { ExportServices } from '../../electron/export/export-run.js';
import { exportDossierToWord } from '../../electron/export/word/word-export.js';
import { benchUsers, dutchDataSource, type DutchDataShape } from './dutch-data-source.js';

/**
 * One export in its own process, so its peak memory is its own: prints
 * { seconds, peakRssMb, bytes } as JSON on the last line. Usage: run-one.ts excel|word
 */
const kind = process.argv[2];
const shape: DutchDataShape = kind === 'excel' ? { clients: 10_000, reportsPerClient: 20 } : { clients: 1, reportsPerClient: 5_000 };

let sampledPeak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 25);

const services: ExportServices = {
  source: dutchDataSource(shape),
  // The decision of an active lease, as the licence service would give it.
  licence: { assertCanExport: async () => evaluateLicence(leaseOf(), new Date('2026-11-30T12:00:00Z'), null) },
  rights: { mayReadDossier: () => true, mayReadReport: () => true },
  audit: () => {},
  actor: { userId: benchUsers[0]?.id ?? '', userName: 'Bench Gebruiker', organisationName: 'Thuiszorg Benchmark' },
};

const dir = await mkdtemp(path.join(tmpdir(), 'thuisdossier-bench-'));
try {
  const started = performance.now();
  const target = path.join(dir, kind === 'excel' ? 'alle.xlsx' : 'dossier.docx');
  if (kind === 'excel') await exportAllDossiersToExcel(services, { target });
  else {
    await exportDossierToWord(services, { target, clientId: await firstClientId(services) });
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const { size } = await stat(target);
  console.log(JSON.stringify({ seconds, peakRssMb: Math.max(vmHwmMb() ?? 0, sampledPeak / 1024 / 1024), bytes: size }));
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function firstClientId(s: ExportServices): Promise<string> {
  for await (const client of s.source.clients()) return client.id;
  throw new Error('no client');
}

/** Linux keeps the true high-water mark of resident memory; sampling may miss a short peak. */
function vmHwmMb(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
