#!/usr/bin/env node
// Finds a Chromium for Playwright (Playwright's own browser download is not used here).
// Order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser. When none is found and
// we run as root on Debian/Ubuntu, installs Debian's `chromium` package with apt-get.
// Prints the path on stdout; exits 1 with instructions when no browser can be had.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const INSTALL_HELP = [
  'No Chromium found for the end-to-end tests.',
  'Install Debian/Ubuntu Chromium:  sudo apt-get update && sudo apt-get install -y chromium',
  'or point CHROMIUM_PATH at a Chromium/Chrome binary:  CHROMIUM_PATH=/path/to/chrome pnpm test',
].join('\n');

function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the first usable Chromium path, or null. Does not install anything. */
export function findBrowser(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

function isDebianLike() {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return statSync('/etc/debian_version', { throwIfNoEntry: false })?.isFile() ?? false;
  }
}

function run(cmd, args, log) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/**
 * Finds Chromium, installing Debian's package when possible (root on Debian). Returns the
 * path; throws with installation instructions otherwise. `log` receives progress lines.
 */
export function ensureBrowser({
  install = true,
  log = (m) => process.stderr.write(`${m}\n`),
} = {}) {
  const found = findBrowser();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!install || !isRoot || !isDebianLike()) throw new Error(INSTALL_HELP);
  log('ensure-browser: no Chromium found; installing Debian package `chromium` with apt-get');
  run('apt-get', ['update'], log);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], log);
  const installed = findBrowser();
  if (!installed)
    throw new Error(`apt-get installed chromium but no binary was found.\n${INSTALL_HELP}`);
  return installed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const noInstall = process.argv.includes('--no-install');
    process.stdout.write(`${ensureBrowser({ install: !noInstall })}\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
