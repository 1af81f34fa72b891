import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from './args.ts';
import {
  expectFault,
  expectFaultDetail,
  expectHandler,
  expectId,
  expectInsertOptions,
  expectJumpMs,
  expectLedRole,
  expectPullOptions,
  expectSpeed,
  expectStep,
  MAX_STEP_MS,
} from './validate.ts';
import { expectCommand } from './validateCommand.ts';

const ids = ['A.cpu-0', 'A.cpu-1', 'A.io-10', 'B.cpu-0'];
const systems = ['A', 'B'];
// biome-ignore lint/suspicious/noControlCharactersInRegex: what a message must never carry
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('expectId', () => {
  it('accepts a known id', () => {
    expect(expectId('state', 'id', 'A.cpu-1', ids)).toBe('A.cpu-1');
  });
  it('names the function, the argument and what was expected', () => {
    expect(() => expectId('state', 'id', 3, ids)).toThrow(
      /^ftTwin\.state: id: expected a component id \(e\.g\. "A\.cpu-0", "A\.cpu-1", …\) string, got 3\.$/,
    );
    expect(() => expectId('state', 'id', 3, ids)).toThrow(ArgumentError);
  });
  it('lists close ids for an unknown one', () => {
    expect(() => expectId('pull', 'id', 'cpu-0', ids)).toThrow(
      /ftTwin\.pull: id: unknown component id "cpu-0"; known ids include "A\.cpu-0", "B\.cpu-0"/,
    );
  });
  it('cuts a 100 KB id and escapes a bidi override', () => {
    const long = `\u202e${'x'.repeat(100_000)}`;
    let message = '';
    try {
      expectId('pull', 'id', long, ids);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.length).toBeLessThan(300);
    expect(message).toContain('"\\u202exxx');
    expect(UNSAFE.test(message)).toBe(false);
  });
});

describe('expectFault and fault details', () => {
  it('names the faults the component takes', () => {
    expect(expectFault('A.cpu-0', 'stuck-at', ['stuck-at', 'self-check'])).toBe('stuck-at');
    expect(() => expectFault('A.cpu-0', 'disk-failure', ['stuck-at', 'self-check'])).toThrow(
      'ftTwin.inject: fault: expected a fault A.cpu-0 can suffer, one of stuck-at, self-check; got "disk-failure".',
    );
    expect(() => expectFault('A.psu-0', 'x', [])).toThrow(/takes no faults/);
  });
  it('checks the details: inject(id, fault, "abc") is refused', () => {
    expect(expectFaultDetail(undefined)).toBeUndefined();
    expect(expectFaultDetail({ register: 3, bit: 7 })).toEqual({ register: 3, bit: 7 });
    expect(() => expectFaultDetail('abc')).toThrow(
      /^ftTwin\.inject: detail: expected fault details like \{ register: 3, bit: 7 \}, got "abc"\.$/,
    );
    expect(() => expectFaultDetail({ bit: 32 })).toThrow(
      /detail\.bit: expected a bit number \(a whole number 0\.\.31\), got 32/,
    );
    expect(() => expectFaultDetail({ bit: 1n })).toThrow(/detail\.bit: .*got a BigInt \(1n\)/);
    expect(() => expectFaultDetail({ colour: 1 })).toThrow(
      /detail\.colour: unknown field; valid fields: register, bit, address, block/,
    );
  });
});

describe('pull and insert options', () => {
  it('refuses pull(id, { force: "yes" }) and insert(id, { replacement: "yes" })', () => {
    expect(expectPullOptions(undefined)).toEqual({ force: false });
    expect(expectPullOptions({ force: true })).toEqual({ force: true });
    expect(() => expectPullOptions({ force: 'yes' })).toThrow(
      'ftTwin.pull: options.force: expected force: true or false, got "yes".',
    );
    expect(() => expectInsertOptions({ replacement: 'yes' })).toThrow(
      'ftTwin.insert: options.replacement: expected replacement: true or false, got "yes".',
    );
    expect(() => expectPullOptions({ forse: true })).toThrow(/options\.forse: unknown field/);
    expect(() => expectPullOptions('force')).toThrow(/options: expected an options object/);
    expect(() => expectPullOptions([true])).toThrow(/got an array of 1 item/);
  });
});

describe('speed, step and warp', () => {
  it('maps max to -1 and passes numbers in range', () => {
    expect(expectSpeed('max')).toBe(-1);
    expect(expectSpeed(0)).toBe(0);
    expect(expectSpeed(100)).toBe(100);
  });
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '10', null, undefined, 2e6])(
    'refuses speed %s',
    (s) => {
      expect(() => expectSpeed(s)).toThrow(/^ftTwin\.setSpeed: speed: expected a speed: a number/);
    },
  );
  it('accepts a step up to a day, with a progress callback', () => {
    const onProgress = () => {};
    expect(expectStep(MAX_STEP_MS, { onProgress })).toEqual({ simMs: MAX_STEP_MS, onProgress });
    expect(expectStep(0.25, undefined)).toEqual({ simMs: 0.25, onProgress: null });
  });
  it.each([0, -5, MAX_STEP_MS + 1, '5', Number.NaN])('refuses step %s', (ms) => {
    expect(() => expectStep(ms, undefined)).toThrow(/^ftTwin\.step: simMs: expected simulated/);
  });
  it('refuses a progress option that is not a function', () => {
    expect(() => expectStep(10, { onProgress: 5 })).toThrow(
      /ftTwin\.step: options\.onProgress: expected a function/,
    );
  });
  it('says what a warp limit is', () => {
    expect(expectJumpMs(3_600_000)).toBe(3_600_000);
    expect(() => expectJumpMs('1h')).toThrow(/^ftTwin\.jumpToNextEvent: limitMs: .*got "1h"/);
  });
});

describe('events and LEDs', () => {
  it('checks the event name and the handler', () => {
    expect(() => expectHandler('state', ['state'], () => {})).not.toThrow();
    expect(() => expectHandler('nope', ['state', 'ready'], () => {})).toThrow(
      /ftTwin\.on: event: expected an event name, one of state, ready, got "nope"/,
    );
    expect(() => expectHandler('state', ['state'], 5)).toThrow(
      /ftTwin\.on: handler: expected a function, got 5/,
    );
  });
  it('names the LEDs a component has, for a NaN or a cyclic role', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(expectLedRole('A.cpu-0', 'fault', ['power', 'fault'])).toBe('fault');
    expect(() => expectLedRole('A.cpu-0', Number.NaN, ['power', 'fault'])).toThrow(
      'ftTwin.ledPosition: role: expected an LED A.cpu-0 has, one of power, fault; got NaN.',
    );
    expect(() => expectLedRole('A.cpu-0', cyclic, ['power'])).toThrow(/got an object\.$/);
  });
});

describe('expectCommand', () => {
  it('returns a checked copy of a valid command', () => {
    const given = { type: 'pull', target: 'A.cpu-1' };
    const checked = expectCommand(given, ids, systems);
    expect(checked).toEqual(given);
    expect(checked).not.toBe(given);
    expect(expectCommand({ type: 'upgrade', target: 'A', action: 'start' }, ids, systems)).toEqual({
      type: 'upgrade',
      target: 'A',
      action: 'start',
    });
  });
  it('says what a command type is: toString is not one', () => {
    expect(() => expectCommand({ type: 'toString', target: 'A' }, ids, systems)).toThrow(
      /^ftTwin\.command: command\.type: expected a command type, one of inject, .*got "toString"/,
    );
  });
  it('checks targets against the rack', () => {
    expect(() => expectCommand({ type: 'pull', target: 'A.cpu-9' }, ids, systems)).toThrow(
      /command\.target: unknown component id "A\.cpu-9"/,
    );
    expect(() =>
      expectCommand({ type: 'upgrade', target: 'Z', action: 'start' }, ids, systems),
    ).toThrow(/command\.target: unknown system id "Z"/);
  });
  it('refuses what cannot cross to the worker, before anything is sent', () => {
    const cyclic: Record<string, unknown> = { type: 'pull', target: 'A.cpu-1' };
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [{ type: 'pull', target: 'A.cpu-1', run: () => 1 }, /cannot be copied to the engine/],
      [new Proxy({ type: 'pull', target: 'A.cpu-1' }, {}), /cannot be copied to the engine/],
      [{ type: 'pull', target: 10n }, /command\.target: .*got 10n\./],
      [cyclic, /command\.self: unknown field/],
      [() => 1, /command: expected a command object/],
    ];
    for (const [value, message] of cases) {
      expect(() => expectCommand(value, ids, systems)).toThrow(message);
    }
  });
  it('property: anything at all gets a checked copy or one short, safe ArgumentError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withBigInt: true, withMap: true, maxDepth: 3 }),
          fc.record({ type: fc.string(), target: fc.string({ unit: 'binary' }) }),
        ),
        (value) => {
          try {
            expectCommand(value, ids, systems);
          } catch (e) {
            // Plain checks: expect() per run would cost more than the property itself.
            if (!(e instanceof ArgumentError)) throw e;
            if (e.message.length >= 600 || UNSAFE.test(e.message)) throw new Error(e.message);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
