import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { meetsTarget, type BenchFigure, type Benchmark } from './types.js';

/**
 * Runs every bench/<name>/index.ts (or only those named on the command line), prints each figure
 * with its target, and writes bench/results/latest.json and latest.md for the README table.
 */
const benchDir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const names = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(benchDir, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const figures: BenchFigure[] = [];
if (names.length === 0) console.log('No benchmarks found under bench/.');
for (const name of names) {
  console.log(`\n▶ ${name}`);
  const module = (await import(pathToFileURL(path.join(benchDir, name, 'index.ts')).href)) as { default: Benchmark };
  for (const figure of await module.default()) {
    figures.push(figure);
    const verdict = meetsTarget(figure) ? 'OK  ' : 'MISS';
    const sign = figure.targetKind === 'max' ? '≤' : '≥';
    console.log(`  ${verdict} ${figure.name}: ${round(figure.value)} ${figure.unit} (target ${sign} ${figure.target} ${figure.unit})`);
  }
}

const resultsDir = path.join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
const table = [
  '| Benchmark | Figure | Target | Met |',
  '| --- | --- | --- | --- |',
  ...figures.map(
    (f) => `| ${f.name} | ${round(f.value)} ${f.unit} | ${f.targetKind === 'max' ? '≤' : '≥'} ${f.target} ${f.unit} | ${meetsTarget(f) ? 'yes' : 'no'} |`,
  ),
].join('\n');
writeFileSync(path.join(resultsDir, 'latest.md'), table + '\n');
console.log(`\n${table}\n\nWritten to bench/results/latest.{json,md}`);

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
