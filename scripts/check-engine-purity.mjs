#!/usr/bin/env node
// Keeps the simulation packages deterministic: no Math.random, no Date.now.
// Most of the purity rules live where a newcomer looks for them: Biome's noRestrictedImports
// (no react/react-dom/three) and noRestrictedGlobals (no window/document/localStorage, no
// `performance` outside bench/test/clock files) in biome.json's overrides, and per-package
// tsconfigs without the DOM library (packages/{engine,hardware,lessons}/tsconfig.json).
// What is left here is what those cannot say: a call to one member of a global that is otherwise
// allowed (Math.floor is fine, Math.random is not; new Date(ms) is fine, Date.now() is not).
// Usage: node scripts/check-engine-purity.mjs [dir ...]   (defaults to the engine, hardware and lessons)
// Exit 0 when clean; exit 1 listing file:line for every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_DIRS = [
  'packages/engine/src',
  'packages/hardware/src',
  'packages/lessons/src',
];

const SOURCE_RE = /\.(ts|tsx|mts|cts)$/;

/** Rules applied to code with comments and string contents blanked out. */
const CODE_RULES = [
  { re: /(?<![\w$.])Math\s*\.\s*random\b/g, what: '`Math.random` (use the seeded PRNG)' },
  { re: /(?<![\w$.])Date\s*\.\s*now\b/g, what: '`Date.now` (wall clock)' },
];

/**
 * Benchmarks and tests may read clocks and use Math.random. So may the CLI's progress display and
 * the worker's pacing clock (`*.clock.ts`): they decide how much simulated time to run per wall
 * second, never what happens inside it, so the simulation stays deterministic.
 */
export function isNondeterminismExempt(file) {
  const norm = file.split(path.sep).join('/');
  return (
    /(^|\/)bench\//.test(norm) ||
    /\.clock\.[cm]?tsx?$/.test(norm) ||
    /\.bench\.[cm]?tsx?$/.test(norm) ||
    /\.test\.[cm]?tsx?$/.test(norm)
  );
}

/**
 * Returns `{ code, imports }`: `code` is the source with comments and string/template text
 * replaced by spaces (newlines kept, so offsets and line numbers are preserved); `imports`
 * lists `{ spec, index }` for every static/dynamic import, re-export and require.
 */
export function scan(source) {
  const out = source.split('');
  const strings = []; // { start, end, value } of plain string literals (quotes excluded)
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const braceStack = []; // for `${ ... }` inside template literals: depth counters
  let i = 0;
  const n = source.length;
  const readTemplate = () => {
    // i is just after a backtick or a closing `}` of a substitution; returns at end or at `${`
    const start = i;
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        blank(start, i);
        i++;
        return;
      }
      if (c === '$' && source[i + 1] === '{') {
        blank(start, i);
        i += 2;
        braceStack.push(0);
        return;
      }
      i++;
    }
    blank(start, n);
  };
  while (i < n) {
    const c = source[i];
    const d = source[i + 1];
    if (c === '/' && d === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && d === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      const start = i + 1;
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      strings.push({ start, end: i, value: source.slice(start, i) });
      blank(start, Math.min(i, n));
      i++;
    } else if (c === '`') {
      i++;
      readTemplate();
    } else if (c === '{' && braceStack.length > 0) {
      braceStack[braceStack.length - 1]++;
      i++;
    } else if (c === '}' && braceStack.length > 0) {
      if (braceStack[braceStack.length - 1] === 0) {
        braceStack.pop();
        i++;
        readTemplate();
      } else {
        braceStack[braceStack.length - 1]--;
        i++;
      }
    } else {
      i++;
    }
  }
  const code = out.join('');
  // Module specifiers: a string literal preceded by `from`, `import`, `import(` or `require(`.
  const imports = [];
  for (const s of strings) {
    const before = code.slice(Math.max(0, s.start - 40), s.start - 1);
    if (/(\bfrom|\bimport|\bimport\s*\(|\brequire\s*\()\s*$/.test(before)) {
      imports.push({ spec: s.value, index: s.start });
    }
  }
  return { code, imports };
}

function lineOf(text, index) {
  let line = 1;
  for (let k = 0; k < index && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * Checks one file's source. `file` is used for reporting and for the bench/test exemption.
 * Returns a list of `{ file, line, message }`.
 */
export function checkSource(source, file) {
  if (isNondeterminismExempt(file)) return [];
  const { code } = scan(source);
  const violations = [];
  for (const rule of CODE_RULES) {
    rule.re.lastIndex = 0;
    for (const m of code.matchAll(rule.re)) {
      violations.push({ file, line: lineOf(source, m.index), message: `uses ${rule.what}` });
    }
  }
  return violations.sort((a, b) => a.line - b.line);
}

function listSources(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files = [];
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...listSources(full));
    else if (SOURCE_RE.test(e.name) && !e.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

/**
 * Scans the given directories (relative to `cwd`). Returns `{ files, violations }` where
 * `files` is the number of files checked and each violation is `{ file, line, message }`
 * with `file` relative to `cwd`.
 */
export function checkPurity(dirs = DEFAULT_DIRS, { cwd = ROOT } = {}) {
  const violations = [];
  let files = 0;
  for (const dir of dirs) {
    const abs = path.resolve(cwd, dir);
    if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const full of listSources(abs)) {
      files++;
      const rel = path.relative(cwd, full).split(path.sep).join('/');
      violations.push(...checkSource(readFileSync(full, 'utf8'), rel));
    }
  }
  return { files, violations };
}

function main(argv) {
  const dirs = argv.length > 0 ? argv : DEFAULT_DIRS;
  const cwd = argv.length > 0 ? process.cwd() : ROOT;
  const { files, violations } = checkPurity(dirs, { cwd });
  if (violations.length === 0) {
    process.stdout.write(`engine purity: ${files} files clean (${dirs.join(', ')})\n`);
    return 0;
  }
  for (const v of violations) process.stderr.write(`${v.file}:${v.line}: ${v.message}\n`);
  process.stderr.write(
    `engine purity: ${violations.length} violation(s) in ${files} files — the engine, ` +
      'hardware and lessons packages must not use Math.random or Date.now (bench/ folders, ' +
      '*.bench.ts, *.test.ts and *.clock.ts may); imports and DOM globals are checked by Biome\n',
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
