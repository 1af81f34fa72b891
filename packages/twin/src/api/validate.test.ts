import { describe, expect, it } from 'vitest';
import {
  expectFault,
  expectHandler,
  expectId,
  expectJumpMs,
  expectOptions,
  expectSpeed,
  expectStepMs,
  MAX_STEP_MS,
} from './validate.ts';

const ids = ['A.cpu-0', 'A.cpu-1', 'A.io-10', 'B.cpu-0'];

describe('expectId', () => {
  it('accepts a known id', () => {
    expect(expectId('A.cpu-1', ids)).toBe('A.cpu-1');
  });
  it('rejects a non-string', () => {
    expect(() => expectId(3, ids)).toThrow(/Expected a component id string.*got 3/);
  });
  it('lists close ids for an unknown one', () => {
    expect(() => expectId('cpu-0', ids)).toThrow(
      /Unknown component id "cpu-0".*"A.cpu-0", "B.cpu-0"/,
    );
  });
  it('lists some ids when none is close', () => {
    expect(() => expectId('zzz', ids)).toThrow(/"A.cpu-0", "A.cpu-1", "A.io-10", "B.cpu-0"/);
  });
});

describe('expectFault', () => {
  it('accepts a fault the component takes', () => {
    expect(expectFault('A.cpu-0', 'stuck-at', ['stuck-at', 'self-check'])).toBe('stuck-at');
  });
  it('names the valid faults', () => {
    expect(() => expectFault('A.cpu-0', 'disk-failure', ['stuck-at', 'self-check'])).toThrow(
      'Fault "disk-failure" cannot be injected into A.cpu-0: expected one of stuck-at, self-check.',
    );
    expect(() => expectFault('A.psu-0', 'x', [])).toThrow(/takes no faults/);
  });
});

describe('expectSpeed', () => {
  it('maps max to -1 and passes numbers ≥ 0', () => {
    expect(expectSpeed('max')).toBe(-1);
    expect(expectSpeed(0)).toBe(0);
    expect(expectSpeed(0.01)).toBe(0.01);
    expect(expectSpeed(100)).toBe(100);
  });
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '10', null, undefined])('rejects %s', (s) => {
    expect(() => expectSpeed(s)).toThrow(/Expected a speed: a number ≥ 0.*or 'max'/);
  });
});

describe('expectStepMs', () => {
  it('accepts positive steps up to a day', () => {
    expect(expectStepMs(10)).toBe(10);
    expect(expectStepMs(MAX_STEP_MS)).toBe(MAX_STEP_MS);
  });
  it.each([0, -5, MAX_STEP_MS + 1, '5'])('rejects %s', (ms) => {
    expect(() => expectStepMs(ms)).toThrow(/Expected a step in simulated milliseconds/);
  });
});

describe('expectOptions', () => {
  it('accepts undefined and known boolean options', () => {
    expect(expectOptions(undefined, ['force'], 'pull')).toEqual({});
    expect(expectOptions({ force: true }, ['force'], 'pull')).toEqual({ force: true });
  });
  it('rejects unknown options, non-booleans and non-objects', () => {
    expect(() => expectOptions({ forse: true }, ['force'], 'pull')).toThrow(
      /unknown option "forse"/,
    );
    expect(() => expectOptions({ force: 1 }, ['force'], 'pull')).toThrow(/must be true or false/);
    expect(() => expectOptions('force', ['force'], 'pull')).toThrow(/expected an options object/);
  });
});

describe('expectHandler', () => {
  it('checks the event name and the handler', () => {
    expect(() => expectHandler('state', ['state'], () => {})).not.toThrow();
    expect(() => expectHandler('nope', ['state', 'ready'], () => {})).toThrow(
      /Unknown event "nope": expected one of state, ready/,
    );
    expect(() => expectHandler('state', ['state'], 5)).toThrow(/Expected a handler function/);
  });
});

describe('expectJumpMs', () => {
  it('accepts a limit within a day', () => {
    expect(expectJumpMs(3_600_000)).toBe(3_600_000);
  });
  it('says what was expected', () => {
    expect(() => expectJumpMs(0)).toThrow(/jumpToNextEvent: expected a limit.*got 0/);
    expect(() => expectJumpMs('1h')).toThrow(/got "1h"/);
    expect(() => expectJumpMs(MAX_STEP_MS + 1)).toThrow(/≤ 86400000/);
  });
});
