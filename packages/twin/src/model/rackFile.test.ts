import { describe, expect, it } from 'vitest';
import { checkRackFile, rackFromText } from './rackFile.ts';

describe('rack files', () => {
  it('loads a valid configuration', () => {
    const r = rackFromText('{"systems":[{"id":"A","model":"4300","positionU":1}]}', 'lab.json');
    expect(r.ok && r.config.systems[0].memoryGB).toBe(4);
  });
  it('names the file and the field when refused', () => {
    const r = rackFromText('{"systems":[{"id":"A","model":"4400","positionU":1}]}', 'lab.json');
    expect(r).toEqual({
      ok: false,
      error:
        "The rack was not loaded: lab.json: systems[0].model: unknown model '4400'; valid models: 4300, 5600, 6600",
    });
  });
  it('escapes a hostile file name', () => {
    const r = rackFromText('[]', `\u202e${'n'.repeat(300)}.json`);
    expect(!r.ok && r.error).toMatch(
      /^The rack was not loaded: \\u202en{59}…: \(root\): expected an object/,
    );
  });
  it('refuses files far bigger than a configuration before reading them', () => {
    expect(checkRackFile({ name: 'huge.json', size: 50 * 1024 * 1024 })).toMatch(
      /^huge\.json is 51200 KB: a rack configuration is a small JSON file/,
    );
    expect(checkRackFile({ name: 'lab.json', size: 2000 })).toBeNull();
  });
});
