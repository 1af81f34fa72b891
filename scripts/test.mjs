#!/usr/bin/env node
// `pnpm test`: every check the project has, in order, counting what passed and failed.
//   static: typecheck (tsc, 1 check), lint (biome check . + engine purity, 1 check)
//   unit:   vitest (counted per test from reports/unit.json), then a short fault-checker run
//           (pnpm check:faults, 1 check: passes when no schedule violates an invariant)
//   e2e:    ensure Chromium, vite build (1 check), playwright (counted from reports/e2e.json)
// A failing stage does not stop the run. The last line is always `N passed, N failed`.
// Usage: node scripts/test.mjs [--only static|unit|e2e[,...]] [-- extra args for vitest/playwright]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowser } from './ensure-browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = path.join(ROOT, 'reports');
const UNIT_JSON = path.join(REPORTS, 'unit.json');
const E2E_JSON = path.join(REPORTS, 'e2e.json');
const GROUPS = ['static', 'unit', 'e2e'];

function parseArgs(argv) {
  const only = new Set();
  const extra = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only' || a.startsWith('--only=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      for (const g of (v ?? '').split(',')) {
        if (!GROUPS.includes(g)) throw new Error(`--only takes ${GROUPS.join('|')}, got '${g}'`);
        only.add(g);
      }
    } else if (a === '--') {
      extra.push(...argv.slice(i + 1));
      break;
    } else if (a === '--help' || a === '-h') {
      return { help: true };
    } else {
      extra.push(a);
    }
  }
  const groups = only.size > 0 ? GROUPS.filter((g) => only.has(g)) : GROUPS;
  const runners = groups.filter((g) => g !== 'static');
  if (extra.length > 0 && runners.length !== 1) {
    throw new Error(`extra arguments (${extra.join(' ')}) need --only unit or --only e2e`);
  }
  return { groups, extra };
}

function bin(name) {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

/** Runs a command with inherited stdio; returns its exit status (1 when it could not start). */
function run(cmd, args, env = {}) {
  const shown = cmd === process.execPath ? 'node' : cmd.startsWith(ROOT) ? path.basename(cmd) : cmd;
  process.stdout.write(`$ ${[shown, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) {
    process.stdout.write(`  could not run ${cmd}: ${r.error.message}\n`);
    return 1;
  }
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const results = []; // { stage, passed, failed, note }

function header(title) {
  process.stdout.write(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}\n`);
}

function record(stage, passed, failed, note = '', started = Date.now()) {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ stage, passed, failed, note, secs });
}

function check(stage, fn) {
  header(stage);
  const started = Date.now();
  const { ok, note } = fn();
  record(stage, ok ? 1 : 0, ok ? 0 : 1, note, started);
  return ok;
}

function stageTypecheck() {
  check('typecheck', () => {
    const status = run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
    return { ok: status === 0, note: status === 0 ? 'tsc' : `tsc exited ${status}` };
  });
}

function stageLint() {
  check('lint', () => {
    const biome = run(bin('biome'), ['check', '.']);
    const purity = run(process.execPath, [path.join('scripts', 'check-engine-purity.mjs')]);
    const failed = [biome !== 0 && 'biome', purity !== 0 && 'engine purity'].filter(Boolean);
    return { ok: failed.length === 0, note: failed.length ? `failed: ${failed.join(', ')}` : '' };
  });
}

/** Vitest: one count per test; a file that fails to load or an unhandled error counts as 1. */
function stageUnit(extra) {
  header('unit');
  const started = Date.now();
  rmSync(UNIT_JSON, { force: true });
  const status = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${path.relative(ROOT, UNIT_JSON)}`,
    ...extra,
  ]);
  const json = readJson(UNIT_JSON);
  if (!json) {
    record('unit', 0, 1, `no ${path.relative(ROOT, UNIT_JSON)} (vitest exited ${status})`, started);
    return;
  }
  const passed = json.numPassedTests ?? 0;
  let failed = json.numFailedTests ?? 0;
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  failed += brokenFiles;
  const notes = [];
  if (skipped) notes.push(`${skipped} skipped`);
  if (brokenFiles) notes.push(`${brokenFiles} file(s) failed to run`);
  if (status !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited ${status}`);
  }
  record('unit', passed, failed, notes.join(', '), started);
}

/** A short run of the fault checker (the lead's closing runs use 100,000 schedules). */
const CI_FAULT_SCHEDULES = 500;

function stageFaults() {
  check('faults', () => {
    const args = [
      path.join('packages', 'engine', 'src', 'check', 'check-faults.ts'),
      '--schedules',
      String(CI_FAULT_SCHEDULES),
      '--seed',
      '7',
    ];
    const status = run(bin('tsx'), args);
    const note =
      status === 0
        ? `${CI_FAULT_SCHEDULES} schedules, no violation`
        : `pnpm check:faults exited ${status}`;
    return { ok: status === 0, note };
  });
}

function stageBuild() {
  return check('build', () => {
    const app = run(bin('vite'), ['build']);
    const embed = app === 0 ? run(bin('vite'), ['build', '--mode', 'embed']) : 1;
    const ok =
      embed === 0 &&
      existsSync(path.join(ROOT, 'dist', 'twin', 'index.html')) &&
      existsSync(path.join(ROOT, 'dist', 'embed', 'ft-twin.js'));
    return {
      ok,
      note: ok
        ? 'dist/twin, dist/embed'
        : `vite build exited ${app}${app === 0 ? `, embed build exited ${embed}` : ''}`,
    };
  });
}

/** Playwright: expected + flaky count as passed, unexpected as failed; global errors count 1. */
function stageE2e(extra, browser, built) {
  header('e2e');
  const started = Date.now();
  if (!browser) {
    record('e2e', 0, 1, 'not run: no Chromium (see scripts/ensure-browser.mjs)', started);
    return;
  }
  if (!built) {
    record('e2e', 0, 1, 'not run: the build failed', started);
    return;
  }
  rmSync(E2E_JSON, { force: true });
  const status = run(bin('playwright'), ['test', '--pass-with-no-tests', ...extra], {
    CHROMIUM_PATH: browser,
  });
  const json = readJson(E2E_JSON);
  if (!json?.stats) {
    record(
      'e2e',
      0,
      1,
      `no ${path.relative(ROOT, E2E_JSON)} (playwright exited ${status})`,
      started,
    );
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  let failed = unexpected;
  const notes = [];
  if (flaky) notes.push(`${flaky} flaky`);
  if (skipped) notes.push(`${skipped} skipped`);
  if (expected + unexpected + flaky + skipped === 0) notes.push('no e2e specs found');
  const errors = json.errors?.length ?? 0;
  if (errors) notes.push(`${errors} global error(s)`);
  if (failed === 0 && (errors > 0 || status !== 0)) {
    failed = 1;
    notes.push(`playwright exited ${status}`);
  }
  record('e2e', expected + flaky, failed, notes.join(', '), started);
}

function summary() {
  header('summary');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    passed += r.passed;
    failed += r.failed;
    const mark = r.failed ? '✗' : '✓';
    const counts = `${r.passed} passed, ${r.failed} failed`;
    const note = r.note ? `  (${r.note})` : '';
    process.stdout.write(
      `${mark} ${r.stage.padEnd(10)} ${counts.padEnd(24)} ${`${r.secs}s`.padStart(7)}${note}\n`,
    );
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed;
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`test: ${err.message}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(
      'Usage: node scripts/test.mjs [--only static|unit|e2e[,...]] [-- args for vitest/playwright]\n',
    );
    return 0;
  }
  const { groups, extra } = opts;
  mkdirSync(REPORTS, { recursive: true });
  let browser = null;
  if (groups.includes('e2e')) {
    header('browser');
    try {
      browser = ensureBrowser({ log: (m) => process.stdout.write(`${m}\n`) });
      process.stdout.write(`Chromium: ${browser}\n`);
    } catch (err) {
      process.stdout.write(`${err.message}\n`);
    }
  }
  if (groups.includes('static')) {
    stageTypecheck();
    stageLint();
  }
  if (groups.includes('unit')) {
    stageUnit(extra);
    if (extra.length === 0) stageFaults();
  }
  if (groups.includes('e2e')) {
    const built = stageBuild();
    stageE2e(extra, browser, built);
  }
  return summary() > 0 ? 1 : 0;
}

process.exitCode = main();
