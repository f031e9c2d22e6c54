import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from '../types.js';

/**
 * Export benchmarks (issue 8): Excel of 10,000 clients with 200,000 reports, and Word of one dossier
 * with 5,000 reports. Each runs in a child process so its peak RSS is measured alone.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

interface RunResult {
  seconds: number;
  peakRssMb: number;
  bytes: number;
}

export default async function exportBench(): Promise<BenchFigure[]> {
  const excel = await runChild('excel');
  const word = await runChild('word');
  console.log(`  (xlsx ${(excel.bytes / 1024 / 1024).toFixed(1)} MB, docx ${(word.bytes / 1024 / 1024).toFixed(1)} MB)`);
  return [
    { name: 'export: Excel 10k clients + 200k reports, time', value: excel.seconds, unit: 's', target: 20, targetKind: 'max' },
    { name: 'export: Excel 10k clients + 200k reports, peak RSS', value: excel.peakRssMb, unit: 'MB', target: 400, targetKind: 'max' },
    { name: 'export: Word dossier with 5,000 reports, time', value: word.seconds, unit: 's', target: 10, targetKind: 'max' },
    { name: 'export: Word dossier with 5,000 reports, peak RSS', value: word.peakRssMb, unit: 'MB', target: 400, targetKind: 'max' },
  ];
}

function runChild(kind: 'excel' | 'word'): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'run-one.ts'), kind], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`export bench (${kind}) exited with ${code}`));
      try {
        resolve(JSON.parse(last) as RunResult);
      } catch {
        reject(new Error(`export bench (${kind}) printed no result: ${last}`));
      }
    });
  });
}
