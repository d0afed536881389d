/**
 * `npm run bench [-- suite…]`: runs the named bench suites (all when none is named), prints
 * their figures and writes bench/results.json. Nothing here passes or fails on time.
 * BENCH_RUNS sets the measured visits per page (default 7).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Suite } from './harness.ts';
import { bulkSuite } from './suites/bulk.ts';
import { loadSuite } from './suites/load.ts';

/** Add a suite here and it runs with the others. */
const SUITES: readonly Suite[] = [loadSuite, bulkSuite];

const RESULTS = join(import.meta.dirname, 'results.json');

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !SUITES.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`No bench suite named ${unknown.join(', ')}. Suites: ${SUITES.map((s) => `${s.name} (${s.description})`).join('; ')}.`);
  process.exit(1);
}
const suites = requested.length === 0 ? SUITES : SUITES.filter((s) => requested.includes(s.name));
const runs = Number(process.env.BENCH_RUNS ?? 7);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`BENCH_RUNS=${process.env.BENCH_RUNS ?? ''} is not a whole number of runs (1 or more).`);
  process.exit(1);
}

type Results = { suites?: Record<string, unknown> } & Record<string, unknown>;
const previous: Results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : {};

const started = Date.now();
const browser = await launchChromium();
const machine = {
  date: new Date().toISOString(),
  os: `${platform()} ${release()}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  chromium: browser.version(),
  node: process.version,
  runs,
};
console.log(`Bench on ${String(machine.cpus)} CPUs, Chromium ${machine.chromium}, ${String(runs)} runs per page.`);

const results: Record<string, unknown> = { ...(previous.suites ?? {}) };
try {
  for (const suite of suites) {
    console.log(`\n== ${suite.name}: ${suite.description}`);
    const suiteStarted = Date.now();
    const result = await suite.run({ browser, runs, log: (line) => console.log(`  ${line}`) });
    const seconds = Math.round((Date.now() - suiteStarted) / 1000);
    console.log('');
    for (const line of result.summary) console.log(`  ${line}`);
    console.log(`  (${String(seconds)} s)`);
    results[suite.name] = { ...machine, seconds, ...result.figures };
  }
} finally {
  await browser.close();
}

writeFileSync(RESULTS, `${JSON.stringify({ ...machine, seconds: Math.round((Date.now() - started) / 1000), suites: results }, null, 2)}\n`);
console.log(`\nWrote ${RESULTS} (${String(Math.round((Date.now() - started) / 1000))} s in all).`);
