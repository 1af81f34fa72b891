import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSession } from '../session/schema.ts';
import { SMALL_LESSON } from '../test/lessons.ts';
import { main } from './lesson.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const lessons = join(root, 'public/lessons');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-cli-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('pnpm lesson check', () => {
  it('exits 0 when every file is valid', async () => {
    const r = await cli('check', join(lessons, 'index.json'), join(lessons, 'cpu-hot-swap.json'));
    expect(r).toEqual({ code: 0, out: '2 files valid\n', err: '' });
  });

  it('prints one line per bad file naming the file and the field, and exits 2', async () => {
    const bad = structuredClone(SMALL_LESSON) as Record<string, unknown> & {
      steps: { checks: unknown[] }[];
    };
    bad.steps[1].checks[1] = { check: 'component', target: 'A.cpu-9', state: 'duplex' };
    const badFile = tempFile('bad.json', JSON.stringify(bad));
    const notJson = tempFile('broken.json', '{"id": ');
    const r = await cli(
      'check',
      join(lessons, 'cpu-hot-swap.json'),
      badFile,
      notJson,
      '/nonexistent/x.json',
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toEqual([
      `${badFile}: steps[1].checks[1].target: no component "A.cpu-9" in rack 4300-dmr; cpu ids: A.cpu-0, A.cpu-1`,
      expect.stringMatching(new RegExp(`^${notJson}: \\(root\\): invalid JSON`)),
      '/nonexistent/x.json: cannot read the file (ENOENT)',
    ]);
  });

  it('checks that the index matches the lessons it lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesson-index-'));
    writeFileSync(join(dir, 'small.json'), JSON.stringify(SMALL_LESSON));
    const entry = {
      id: 'small',
      file: 'small.json',
      title: 'Not the title',
      summary: 'A lesson for tests.',
      level: 'beginner',
      minutes: 5,
      kind: 'lesson',
    };
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ lessons: [entry] }));
    const r = await cli('check', join(dir, 'index.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${join(dir, 'index.json')}: lessons[0].title: "Not the title" differs from the lesson file's "Small" (small.json)\n`,
    );
  });
});

describe('pnpm lesson run', () => {
  it('--json prints one line with lesson, passed, score, maxScore and steps', async () => {
    const r = await cli(
      'run',
      join(lessons, 'nic-teaming.json'),
      '--solution',
      '--json',
      '--seed',
      '3',
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(2);
    const line = JSON.parse(r.out);
    expect(Object.keys(line)).toEqual(['lesson', 'passed', 'score', 'maxScore', 'steps']);
    expect(line).toMatchObject({ lesson: 'nic-teaming', passed: true, score: 40, maxScore: 40 });
    expect(line.steps.map((s: { id: string }) => s.id)).toEqual(['which-port', 'plug-back']);
  });

  it('exits 1 when the lesson does not pass, and says what is missing', async () => {
    const r = await cli('run', join(lessons, 'nic-teaming.json'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/with no actions: FAILED 0\/40/);
    expect(r.out).toMatch(/not yet: You selected port/);
  });

  it('records the run as a session that parses', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lesson-rec-')), 's.json');
    const r = await cli('run', join(lessons, 'nic-teaming.json'), '--solution', '--record', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/session written to .* \(fits a link: \d+ characters\)/);
    const session = parseSession(readFileSync(file, 'utf8'));
    expect(session.ok && session.value.lesson?.attempt.status).toBe('passed');
    const replay = await cli('replay', file, '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.out)).toMatchObject({
      refused: 0,
      stateSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('rejects bad input with one line and exit 2', async () => {
    expect(await cli('run', join(lessons, 'nic-teaming.json'), '--seed', 'x1')).toEqual({
      code: 2,
      out: '',
      err: 'lesson: --seed: expected an integer 0..4294967295, got "x1"\n',
    });
    expect((await cli('run', join(lessons, 'nic-teaming.json'), '--speed', '3')).err).toMatch(
      /^lesson: Unknown option '--speed'/,
    );
    expect((await cli('run')).err).toBe('lesson: run: give exactly one lesson FILE\n');
    expect((await cli('explode')).code).toBe(2);
    expect((await cli('replay', tempFile('s.json', '{"format":"nope"}'))).err).toMatch(
      /s\.json: format: expected "ftserver-twin-session"/,
    );
  });
});

describe('pnpm lesson (a real process)', () => {
  it('exits with the documented codes', () => {
    const tsx = join(root, 'node_modules/.bin/tsx');
    const entry = join(root, 'packages/lessons/src/cli/lesson.ts');
    const run = (...args: string[]) =>
      spawnSync(tsx, [entry, ...args], { encoding: 'utf8', cwd: root });
    const ok = run('check', join(lessons, 'cpu-hot-swap.json'));
    expect([ok.status, ok.stdout]).toEqual([0, '1 file valid\n']);
    const bad = run('check', join(lessons, 'nope.json'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);
  });
});
