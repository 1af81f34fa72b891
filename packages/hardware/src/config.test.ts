import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRackConfig, rackConfigFromValue, rackConfigToJson } from './config.ts';
import { ConfigError } from './errors.ts';
import { rackArb } from './test/arbitraries.ts';

const SOURCE = 'rack.json';
const sys = (over: Record<string, unknown> = {}) => ({
  id: 'A',
  model: '4300',
  positionU: 1,
  ...over,
});
const rack = (...systems: unknown[]) => ({ name: 'test', systems });

function rejection(input: unknown, source = SOURCE, asValue = false): ConfigError {
  try {
    if (asValue) rackConfigFromValue(input, source);
    else parseRackConfig(input, source);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('parseRackConfig', () => {
  it('fills defaults', () => {
    expect(parseRackConfig(JSON.stringify({ systems: [sys()] }), SOURCE)).toEqual({
      name: 'ftServer rack',
      heightU: 42,
      systems: [
        {
          id: 'A',
          name: 'ft4300-A',
          model: '4300',
          positionU: 1,
          mode: 'dmr',
          processorsPerElement: 2,
          memoryGB: 4,
          disks: 3,
          pciAdapters: [],
        },
      ],
    });
  });

  it('accepts a 48U rack with a system above U42 (the scene grows the cabinet to match)', () => {
    const config = parseRackConfig({ heightU: 48, systems: [sys({ positionU: 44 })] }, 'x');
    expect(config.heightU).toBe(48);
    expect(() => parseRackConfig({ systems: [sys({ positionU: 44 })] }, 'x')).toThrow(
      /positionU: 44 \+ 4U exceeds the 42U rack/,
    );
  });

  it('accepts the documented example', () => {
    const text =
      '{ "name": "Lab", "systems": [{ "id": "A", "model": "4300", "positionU": 1, "mode": "dmr", "memoryGB": 4, "processorsPerElement": 2, "disks": 3, "pciAdapters": ["gige"] }] }';
    expect(parseRackConfig(text, SOURCE).systems[0].pciAdapters).toEqual(['gige']);
  });

  it('names the source in a JSON syntax error', () => {
    const e = rejection('{"systems": [', 'URL parameter config');
    expect(e.message).toMatch(/^URL parameter config: \(root\): invalid JSON: /);
  });

  const cases: [string, unknown, string, RegExp][] = [
    ['not an object', '[1]', '(root)', /expected an object/],
    ['unknown top-level field', { systems: [sys()], colour: 'red' }, 'colour', /unknown field/],
    ['missing systems', { name: 'x' }, 'systems', /missing/],
    ['systems not an array', { systems: {} }, 'systems', /expected an array/],
    ['no systems', { systems: [] }, 'systems', /at least one/],
    ['system not an object', rack(sys(), 5), 'systems[1]', /expected an object/],
    ['unknown system field', rack(sys({ colour: 'red' })), 'systems[0].colour', /unknown field/],
    ['missing id', rack({ model: '4300', positionU: 1 }), 'systems[0].id', /missing/],
    [
      'id not a string',
      rack(sys({ id: 7 })),
      'systems[0].id',
      /expected a system id \(a string\), got 7$/,
    ],
    ['bad id characters', rack(sys({ id: 'A B' })), 'systems[0].id', /not a valid id/],
    ['id starting with a digit', rack(sys({ id: '1A' })), 'systems[0].id', /not a valid id/],
    ['id too long', rack(sys({ id: 'A'.repeat(17) })), 'systems[0].id', /not a valid id/],
    ['duplicate ids', rack(sys(), sys({ positionU: 10 })), 'systems[1].id', /duplicate id 'A'/],
    ['missing model', rack({ id: 'A', positionU: 1 }), 'systems[0].model', /missing/],
    [
      'unknown model',
      rack(sys({ model: '4400' })),
      'systems[0].model',
      /unknown model '4400'; valid models: 4300, 5600, 6600/,
    ],
    [
      'model as number',
      rack(sys({ model: 4300 })),
      'systems[0].model',
      /expected model \(a string\), got 4300/,
    ],
    ['missing positionU', rack({ id: 'A', model: '4300' }), 'systems[0].positionU', /missing/],
    [
      'fractional positionU',
      rack(sys({ positionU: 1.5 })),
      'systems[0].positionU',
      /expected a whole number of rack units \(U1 is the bottom of the rack\), got 1.5/,
    ],
    [
      'positionU below 1',
      rack(sys({ positionU: 0 })),
      'systems[0].positionU',
      /^0 is outside the rack: U1 is the bottom and U48 the top$/,
    ],
    [
      'positionU over the top',
      rack(sys(), sys({ id: 'B', model: '6600', positionU: 40 })),
      'systems[1].positionU',
      /^40 \+ 10U exceeds the 42U rack$/,
    ],
    [
      'overlap',
      rack(sys(), sys({ id: 'B', positionU: 4 })),
      'systems[1].positionU',
      /'B' \(U4-7\) overlaps system 'A' \(U1-4\)/,
    ],
    ['bad mode', rack(sys({ mode: 'qmr' })), 'systems[0].mode', /not a mode/],
    ['TMR on a 4300', rack(sys({ mode: 'tmr' })), 'systems[0].mode', /does not support TMR/],
    [
      'TMR on a 5600',
      rack(sys({ model: '5600', mode: 'tmr' })),
      'systems[0].mode',
      /does not support TMR/,
    ],
    [
      'processors not an option',
      rack(sys({ processorsPerElement: 4 })),
      'systems[0].processorsPerElement',
      /4 is not an option.*valid: 1, 2/,
    ],
    [
      'memory not an option',
      rack(sys({ memoryGB: 16 })),
      'systems[0].memoryGB',
      /16 is not a memory size.*valid: 1, 2, 4, 8/,
    ],
    [
      'memory as string',
      rack(sys({ memoryGB: '4' })),
      'systems[0].memoryGB',
      /expected a memory size in GB, got "4"/,
    ],
    ['too many disks', rack(sys({ disks: 4 })), 'systems[0].disks', /0 to 3 bays/],
    ['negative disks', rack(sys({ disks: -1 })), 'systems[0].disks', /0 to 3 bays/],
    [
      'pciAdapters not an array',
      rack(sys({ pciAdapters: 'gige' })),
      'systems[0].pciAdapters',
      /expected an array/,
    ],
    [
      'unknown adapter',
      rack(sys({ pciAdapters: ['gige', 'token-ring'] })),
      'systems[0].pciAdapters[1]',
      /unknown PCI adapter "token-ring"; valid adapters: gige/,
    ],
    [
      'adapter not a string',
      rack(sys({ pciAdapters: [3] })),
      'systems[0].pciAdapters[0]',
      /expected an adapter id/,
    ],
    [
      'too many adapters',
      rack(sys({ pciAdapters: ['gige', 'fc', 'scsi'] })),
      'systems[0].pciAdapters',
      /3 adapters do not fit.*2 PCI slots/,
    ],
    ['empty system name', rack(sys({ name: ' ' })), 'systems[0].name', /non-empty name/],
    [
      'rack name not a string',
      { name: 3, systems: [sys()] },
      'name',
      /expected a rack name \(a string\), got 3/,
    ],
    [
      'rack height out of range',
      { heightU: 0, systems: [sys()] },
      'heightU',
      /not between 1 and 48/,
    ],
    [
      'a rack taller than the tallest drawn one',
      { heightU: 49, systems: [sys({ positionU: 44 })] },
      'heightU',
      /^49 is not between 1 and 48 \(the tallest rack the twin draws; 42U is the standard\)$/,
    ],
    [
      'positionU too large for a number',
      '{"systems":[{"id":"A","model":"4300","positionU":1e400}]}',
      'systems[0].positionU',
      /got Infinity \(a number too large to represent\)$/,
    ],
    [
      'valid JSON, a string',
      '"{\\"systems\\":[]}"',
      '(root)',
      /^expected an object like .*, got "\{"systems":\[\]\}"$/,
    ],
    ['valid JSON, null', 'null', '(root)', /expected an object like .*, got null$/],
    ['valid JSON, a number', '42', '(root)', /expected an object like .*, got 42$/],
    ['an array of systems at the root', '[{"id":"A"}]', '(root)', /got an array of 1 item$/],
    ['a system that is an array', rack([1]), 'systems[0]', /got an array of 1 item$/],
    [
      'a long id with a bidi override',
      rack(sys({ id: `\u202e${'A'.repeat(100_000)}` })),
      'systems[0].id',
      /^"\\u202eA{59}…" is not a valid id/,
    ],
    [
      'an unknown field with a strange name',
      { systems: [sys()], 'x\u202ey': 1 },
      '["x\\u202ey"]',
      /unknown field; valid fields: name, heightU, systems/,
    ],
    [
      'system over a short rack',
      { heightU: 12, systems: [sys({ positionU: 10 })] },
      'systems[0].positionU',
      /exceeds the 12U rack/,
    ],
  ];

  it.each(cases)('rejects %s, naming source and field', (_what, input, path, detail) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    const value = typeof input === 'string' ? JSON.parse(input) : input;
    for (const [given, asValue] of [
      [text, false],
      [value, true],
    ] as const) {
      const e = rejection(given, SOURCE, asValue);
      expect(e.source).toBe(SOURCE);
      expect(e.path).toBe(path);
      expect(e.detail).toMatch(detail);
      expect(e.message).toBe(`${SOURCE}: ${path}: ${e.detail}`);
    }
  });
});

describe('rackConfigToJson', () => {
  it('round-trips random valid configurations through parseRackConfig', () => {
    fc.assert(
      fc.property(rackArb, (config) => {
        const json = rackConfigToJson(config);
        expect(parseRackConfig(json, 'saved.json')).toEqual(config);
        expect(rackConfigToJson(parseRackConfig(json, 'saved.json'))).toBe(json);
      }),
      { numRuns: 300 },
    );
  });
});

describe('any input gets a short, safe answer', () => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what a message must never carry
  const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  it('property: a configuration is accepted or refused with a ConfigError of one short line', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.string({ unit: 'binary' }),
          rackArb.map((r) => ({ ...r, systems: [...r.systems, { id: '\u202e'.repeat(50) }] })),
        ),
        (input) => {
          try {
            parseRackConfig(input, 'fuzz');
          } catch (e) {
            expect(e).toBeInstanceOf(ConfigError);
            const message = (e as ConfigError).message;
            expect(UNSAFE.test(message)).toBe(false);
            expect(message.length).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('refuses text longer than a configuration can be', () => {
    expect(() => parseRackConfig(' '.repeat(300_000), SOURCE)).toThrow(
      /\(root\): the text is 300000 characters long/,
    );
  });
});
