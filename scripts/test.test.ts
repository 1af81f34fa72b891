import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTestArgs, skippedTests } from './test.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('scripts/test.mjs arguments (node:util parseArgs)', () => {
  it('runs every group by default', () => {
    expect(parseTestArgs([])).toEqual({ groups: ['static', 'unit', 'e2e'], extra: [] });
  });
  it('takes --only as a comma list, repeated or with =', () => {
    expect(parseTestArgs(['--only', 'unit,static'])).toEqual({
      groups: ['static', 'unit'],
      extra: [],
    });
    expect(parseTestArgs(['--only=e2e', '--only', 'static'])).toMatchObject({
      groups: ['static', 'e2e'],
    });
  });
  it('passes the rest to the one runner chosen', () => {
    expect(parseTestArgs(['--only', 'e2e', '--', 'e2e/load.spec.ts', '--grep', 'x'])).toEqual({
      groups: ['e2e'],
      extra: ['e2e/load.spec.ts', '--grep', 'x'],
    });
    expect(parseTestArgs(['--only', 'unit', 'packages/twin'])).toMatchObject({
      extra: ['packages/twin'],
    });
  });
  it('refuses unknown groups, unknown options and extra arguments without one runner', () => {
    expect(() => parseTestArgs(['--only', 'lint'])).toThrow(
      /--only takes static\|unit\|e2e, got "lint"/,
    );
    expect(() => parseTestArgs(['--fast'])).toThrow(/Unknown option '--fast'/);
    expect(() => parseTestArgs(['--', 'x'])).toThrow(/need --only unit or --only e2e/);
    expect(() => parseTestArgs(['--only', `\u202e${'x'.repeat(100)}`])).toThrow(/"\\u202ex+…"/);
  });
  it('says --help', () => {
    expect(parseTestArgs(['-h'])).toEqual({ help: true });
  });
});

describe('skipped unit tests are named', () => {
  const json = {
    testResults: [
      {
        name: path.join(ROOT, 'packages/engine/src/snmp.test.ts'),
        assertionResults: [
          { status: 'passed', fullName: 'MIB parses' },
          { status: 'skipped', fullName: 'MIB passes smilint with no errors' },
        ],
      },
      {
        name: path.join(ROOT, 'packages/x.test.ts'),
        assertionResults: [{ status: 'todo', fullName: 'later' }],
      },
    ],
  };
  it('lists each with its file, and says when smilint is missing', () => {
    expect(skippedTests(json, { smilint: false })).toEqual([
      'packages/engine/src/snmp.test.ts › MIB passes smilint with no errors (smilint is not installed: the MIB was not checked; apt-get install smitools)',
      'packages/x.test.ts › later',
    ]);
    expect(skippedTests(json, { smilint: true })[0]).toBe(
      'packages/engine/src/snmp.test.ts › MIB passes smilint with no errors',
    );
    expect(skippedTests(null)).toEqual([]);
  });
});
