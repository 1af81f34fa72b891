import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseWith } from './validate.ts';

describe('parseWith', () => {
  it('returns the parsed value', () => {
    expect(parseWith(v.object({ seed: v.number() }), { seed: 3, extra: 1 })).toEqual({
      ok: true,
      value: { seed: 3 },
    });
  });
  it('names the field, the expectation and the value', () => {
    expect(parseWith(v.object({ seed: v.number() }), { seed: 'x' })).toEqual({
      ok: false,
      message: 'seed: expected number, got "x"',
    });
  });
  it('keeps custom messages and cuts long values', () => {
    const r = parseWith(v.object({ id: v.pipe(v.string(), v.maxLength(3, 'too long')) }), {
      id: `${'y'.repeat(500)}\n<script>`,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.startsWith('id: too long, got "yyy')).toBe(true);
      expect(r.message.length).toBeLessThan(80);
      expect(r.message).not.toContain('\n');
    }
  });
});
