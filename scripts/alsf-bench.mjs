#!/usr/bin/env node
// Runs the benchmark scenarios written by `cargo bench --bench executor -- --emit DIR` on
// aws-local-stepfunctions and compares them with statewright's figures.
//
// Usage: node alsf-bench.mjs <node_modules> <scenario dir> <command...>
// `command` runs statewright's rows once and prints one JSON line per row. The two sides take
// turns, round by round, so that both meet the same minutes of a machine whose speed drifts;
// each alsf scenario runs in a fresh process of this script (`--one KEY`).
// Prints one row per shared scenario (times per run and the ratio alsf / statewright), then
// `slowest ratio: N.Nx`, the smallest ratio of all rows.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (!Promise.withResolvers) {
  // Node 20 lacks it; aws-local-stepfunctions 3 uses it.
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

// `--one KEY <node_modules> <scenario dir>`: time one scenario in this fresh process and print
// it as a JSON line (the driver below starts one such process per scenario and round).
const oneMode = process.argv[2] === '--one';
const [nodeModules, scenarioDir, ...command] = process.argv.slice(oneMode ? 4 : 2);

// Scenarios both tools run the same way. alsf records an event log as it runs (each state's
// entry and exit with its input and output, queued in memory), so statewright's rows with
// history on are the ones compared where history matters.
const SHARED = ['chain', 'loop', 'loop-2k', 'loop-jsonata', 'map-100k', 'map-100k-c10',
  'map-10k-pass', 'map-10k-handler', 'map-10k-handler-c10', 'sequential', 'payload'];
/// Runs per timed batch, so that a short scenario is timed over some tens of milliseconds
/// (statewright's rows likewise: its 1,000-state chain runs 100 times a batch).
const RUNS = { 'sequential': 1000, 'chain': 10, 'loop-2k': 5, 'map-10k-pass': 3, 'payload': 5 };
/// Timed batches per scenario process, after one warm-up run: the fastest is its round's time
/// (statewright's rows likewise: `PASSES` in benches/executor.rs).
const PASSES = 2;

/// Deep equality of JSON values (numbers by value, objects by keys).
function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
}

/// Times one scenario on aws-local-stepfunctions: a warm-up run whose output is checked
/// against statewright's, then PASSES timed batches.
async function timeOne(key) {
  const pkgDir = path.join(nodeModules, 'aws-local-stepfunctions');
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const entry = path.join(pkgDir, (pkg.exports && pkg.exports.import) || pkg.module || pkg.main);
  const { StateMachine } = await import(pathToFileURL(entry).href);
  const spec = JSON.parse(readFileSync(path.join(scenarioDir, `${key}.json`), 'utf8'));
  const handlers = { B: async (input) => input };
  try {
    const sm = new StateMachine(spec.definition, { validationOptions: { checkArn: false } });
    const run = () => sm.run(spec.input, { overrides: { taskResourceLocalHandlers: handlers } }).result;
    const output = await run();
    if (!sameJson(output, spec.output)) {
      throw new Error(`its output differs from statewright's (${JSON.stringify(output).slice(0, 80)})`);
    }
    const runs = RUNS[key] || 1;
    let ms = Infinity;
    for (let pass = 0; pass < PASSES; pass++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < runs; i++) await run();
      ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6 / runs);
    }
    return { key, name: spec.name, ms };
  } catch (error) {
    return { key, name: spec.name, error: String(error.message || error).split('\n')[0] };
  }
}

if (oneMode) {
  console.log(JSON.stringify(await timeOne(process.argv[3])));
  process.exit(0);
}

// Each side is measured ROUNDS times, the sides taking turns round by round, and its fastest
// round kept (the machine's interference only ever adds time). Each alsf scenario runs in a
// fresh process: one scenario's garbage does not slow the next one's collector.
const ROUNDS = Number(process.env.COMPARE_ROUNDS || 1);
const ours = {};
const theirs = {};
const self = fileURLToPath(import.meta.url);
for (let round = 0; round < ROUNDS; round++) {
  const text = execFileSync(command[0], command.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const r of text.trim().split('\n').map((l) => JSON.parse(l))) {
    if (!ours[r.key] || r.ms < ours[r.key].ms) ours[r.key] = r;
  }
  for (const key of SHARED) {
    const line = execFileSync(process.execPath, [self, '--one', key, nodeModules, scenarioDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const r = JSON.parse(line.trim());
    if (!theirs[key] || r.error || r.ms < theirs[key].ms) theirs[key] = r;
  }
}

const rows = SHARED.map((key) => {
  const r = theirs[key];
  if (r.error) return r;
  const mine = ours[key];
  return { key, name: r.name, alsf: r.ms, statewright: mine && mine.ms, ratio: mine && r.ms / mine.ms };
});

/// Milliseconds to three decimals, or three significant digits below 0.1 (a sequential
/// execution takes about a microsecond).
const ms = (value) => (value >= 0.1 ? value.toFixed(3) : value.toPrecision(3));

console.log(`each side: the fastest of ${ROUNDS} round(s)`);
console.log(`${'scenario'.padEnd(66)} ${'alsf ms/run'.padStart(12)} ${'statewright'.padStart(12)} ${'ratio'.padStart(8)}`);
let slowest = Infinity;
for (const r of rows) {
  if (r.error) {
    console.log(`${r.name.padEnd(66)} not compared: alsf ${r.error}`);
    continue;
  }
  slowest = Math.min(slowest, r.ratio);
  console.log(`${r.name.padEnd(66)} ${ms(r.alsf).padStart(12)} ${ms(r.statewright).padStart(12)} ${(r.ratio.toFixed(1) + 'x').padStart(8)}`);
}
console.log(`slowest ratio: ${slowest.toFixed(1)}x`);
