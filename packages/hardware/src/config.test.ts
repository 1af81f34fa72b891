import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRackConfig, rackConfigToJson } from './config.ts';
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

function rejection(input: unknown, source = SOURCE): ConfigError {
  try {
    parseRackConfig(input, source);
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
    ['id not a string', rack(sys({ id: 7 })), 'systems[0].id', /expected a string, got number 7/],
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
    ['model as number', rack(sys({ model: 4300 })), 'systems[0].model', /expected a string/],
    ['missing positionU', rack({ id: 'A', model: '4300' }), 'systems[0].positionU', /missing/],
    [
      'fractional positionU',
      rack(sys({ positionU: 1.5 })),
      'systems[0].positionU',
      /expected an integer/,
    ],
    ['positionU below 1', rack(sys({ positionU: 0 })), 'systems[0].positionU', /below U1/],
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
      /expected an integer, got string "4"/,
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
      /unknown PCI adapter 'token-ring'; valid adapters: gige/,
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
    ['rack name not a string', { name: 3, systems: [sys()] }, 'name', /expected a string/],
    [
      'rack height out of range',
      { heightU: 0, systems: [sys()] },
      'heightU',
      /not between 1 and 48/,
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
    for (const given of [text, typeof input === 'string' ? JSON.parse(input) : input]) {
      const e = rejection(given);
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
