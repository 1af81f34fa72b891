import type { SessionHeader, TraineeWelcome } from '@ft/classroom/client';
import { describe, expect, it } from 'vitest';
import { matches, refusalText, sameSession } from './joinRules.ts';

const header: SessionHeader = { lessonId: 'cpu-hot-swap', seed: 7, rack: { preset: '4300-dmr' } };

describe('joining rules', () => {
  it('the running twin matches an assignment of the same lesson and seed; free play matches none', () => {
    expect(matches({ lessonId: 'cpu-hot-swap', seed: 7 } as never, header)).toBe(true);
    expect(matches({ lessonId: 'cpu-hot-swap', seed: 8 } as never, header)).toBe(false);
    expect(matches(null, header)).toBe(false);
    expect(matches(null, { ...header, lessonId: null })).toBe(true);
  });

  it("a welcome continues this page's session only with the same header", () => {
    const welcome = (h: SessionHeader | null) =>
      ({ session: h ? { header: h, entries: [] } : null }) as unknown as TraineeWelcome;
    expect(sameSession(welcome({ ...header }), header)).toBe(true);
    expect(sameSession(welcome({ ...header, seed: 8 }), header)).toBe(false);
    expect(sameSession(welcome(null), header)).toBe(false);
  });

  it('each refusal reads as what to do next', () => {
    expect(refusalText('unknown-class', 'x')).toMatch(/^No class has this code/);
    expect(refusalText('invalid-auth', 'name too long')).toBe(
      'Check the code and your name: name too long',
    );
    expect(refusalText(undefined, 'socket closed')).toBe(
      'The classroom server refused to join: socket closed',
    );
  });
});
