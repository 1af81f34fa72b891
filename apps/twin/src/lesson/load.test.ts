import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Fetcher,
  lessonFromText,
  lessonIdProblem,
  loadIndex,
  loadLessonById,
  readOpenedFile,
  sessionFromFragment,
  sessionFromText,
} from './load.ts';

const PUBLIC = new URL('../../../../public/lessons/', import.meta.url);

/** Serves public/lessons, with some files replaced. */
function fetcher(overrides: Record<string, string | number | Error> = {}): Fetcher {
  return async (url) => {
    const name = url.replace(/^\/lessons\//, '');
    const over = overrides[name];
    if (over instanceof Error) throw over;
    if (typeof over === 'number') {
      return { ok: false, status: over, statusText: 'Not Found', text: async () => '' };
    }
    const body = over ?? readFileSync(new URL(name, PUBLIC), 'utf8');
    return { ok: true, status: 200, statusText: 'OK', text: async () => body };
  };
}

describe('loading lessons', () => {
  it('finds a lesson by id through the index and checks it', async () => {
    const r = await loadLessonById(fetcher(), '/lessons/', 'cpu-hot-swap');
    expect(r.ok && r.value.entry.file).toBe('cpu-hot-swap.json');
    expect(r.ok && r.value.source.preview.title).toBe('Hot-swap a CPU element');
    const index = await loadIndex(fetcher(), '/lessons/');
    expect(index.ok && index.value.lessons).toHaveLength(16);
  });

  it('names what went wrong: the id, the server, the network, the file, the field', async () => {
    const problem = async (id: string, f = fetcher()) => {
      const r = await loadLessonById(f, '/lessons/', id);
      return r.ok ? null : r.problem;
    };
    expect(await problem('no-such')).toEqual({
      title: 'This lesson cannot be opened',
      problems: ['there is no lesson "no-such" in the list of lessons; choose one below'],
    });
    expect((await problem('Bad Id\u202e'))?.problems[0]).toBe(
      '"Bad Id\\u202e" is not a lesson id (lowercase words joined by dashes, like "cpu-hot-swap")',
    );
    expect(await problem('cpu-hot-swap', fetcher({ 'cpu-hot-swap.json': 404 }))).toEqual({
      title: 'The lesson file cpu-hot-swap.json could not be loaded',
      problems: ['/lessons/cpu-hot-swap.json: the server answered 404 Not Found'],
    });
    expect(await problem('cpu-hot-swap', fetcher({ 'index.json': new Error('offline') }))).toEqual({
      title: 'The list of lessons could not be loaded',
      problems: ['/lessons/index.json: offline'],
    });
    expect(
      await problem('cpu-hot-swap', fetcher({ 'cpu-hot-swap.json': '{"id": 1' })),
    ).toMatchObject({
      title: 'The lesson file "cpu-hot-swap.json" is not valid',
      problems: [expect.stringMatching(/^\(root\): invalid JSON/)],
    });
    const other = readFileSync(new URL('tmr-vote.json', PUBLIC), 'utf8');
    expect(await problem('cpu-hot-swap', fetcher({ 'cpu-hot-swap.json': other }))).toEqual({
      title: 'The lesson file cpu-hot-swap.json is not valid',
      problems: ['id: the file holds lesson "tmr-vote", the list says "cpu-hot-swap"'],
    });
    expect(await problem('cpu-hot-swap', fetcher({ 'index.json': '{"lessons": []}' }))).toEqual({
      title: 'The list of lessons (/lessons/index.json) is not valid',
      problems: ['lessons: expected at least 1 item'],
    });
  });

  it('checks lesson ids', () => {
    expect(lessonIdProblem('cpu-hot-swap')).toBeNull();
    expect(lessonIdProblem('')).toBe('no lesson id given');
    expect(lessonIdProblem('x'.repeat(61))).toMatch(/is not a lesson id/);
  });

  it('names the file and the field of a bad lesson or session file', () => {
    const lesson = lessonFromText('{"id": "x"}', 'mine.json');
    expect(lesson.ok || lesson.problem.title).toBe('The lesson file "mine.json" is not valid');
    const session = sessionFromText('{"format": "ftserver-twin-session"}', 'run.json');
    expect(session.ok || session.problem).toMatchObject({
      title: 'The session file "run.json" cannot be replayed',
      problems: [
        'version: missing required field "version"',
        'rack: missing required field "rack"',
        'seed: missing required field "seed"',
        'log: missing required field "log"',
        'endMs: missing required field "endMs"',
      ],
    });
    const link = sessionFromFragment('#session=%%%');
    expect(link.ok || link.problem).toEqual({
      title: 'This share link cannot be replayed',
      problems: ['(root): the link is damaged: not base64url text'],
    });
  });

  it('refuses a local file larger than its kind can be', async () => {
    const file = { name: 'huge.json', size: 2_000_000, text: async () => '' };
    const r = await readOpenedFile(file, 1_000_000, 'lesson file');
    expect(r.ok || r.problem).toEqual({
      title: 'The lesson file "huge.json" cannot be opened',
      problems: ['it is 2000000 bytes; a lesson file is at most 1000000 bytes'],
    });
    const ok = await readOpenedFile({ ...file, size: 3, text: async () => '{}' }, 10, 'x');
    expect(ok).toEqual({ ok: true, value: '{}' });
  });
});
