import { describe, expect, it } from 'vitest';
import { stateTone, statusTone } from './tone.ts';

describe('tones', () => {
  it('colours component states', () => {
    expect(stateTone('duplex')).toBe('ok');
    expect(stateTone('simplex')).toBe('warn');
    expect(stateTone('shot')).toBe('err');
    expect(stateTone('initializing')).toBe('busy');
    expect(stateTone('removed')).toBe('off');
    expect(stateTone('something-new')).toBe('off');
  });
  it('colours system statuses', () => {
    expect(statusTone('duplex')).toBe('ok');
    expect(statusTone('down')).toBe('err');
    expect(statusTone('booting')).toBe('busy');
  });
});
