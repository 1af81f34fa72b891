import { FAULTS_BY_KIND_NAME, SYSTEM_STATUS_NAMES } from '@ft/engine';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_MESSAGES,
  DisplayNameSchema,
  FAULT_KINDS,
  HandshakeAuthSchema,
  JOIN_CODE_ALPHABET,
  JoinCodeSchema,
  SYSTEM_STATUSES,
  TargetSchema,
} from './protocol.ts';

describe('protocol', () => {
  it('knows exactly the engine fault kinds and system statuses', () => {
    const engineKinds = new Set(Object.values(FAULTS_BY_KIND_NAME).flat());
    expect(new Set(FAULT_KINDS)).toEqual(engineKinds);
    expect([...SYSTEM_STATUSES]).toEqual([...SYSTEM_STATUS_NAMES]);
  });

  it('reads join codes as people type them', () => {
    expect(v.parse(JoinCodeSchema, ' k7qh3m ')).toBe('K7QH3M');
    for (const bad of ['K7QH3', 'K7QH3MM', 'O0I1L2', '', 'K7 QH3M']) {
      expect(v.safeParse(JoinCodeSchema, bad).success, bad).toBe(false);
    }
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...JOIN_CODE_ALPHABET), minLength: 6, maxLength: 6 }),
        (code) => {
          expect(v.parse(JoinCodeSchema, code.toLowerCase())).toBe(code);
        },
      ),
    );
  });

  it('keeps names short, single-line and free of direction overrides', () => {
    expect(v.parse(DisplayNameSchema, '  Ada\n Lovelace ')).toBe('Ada Lovelace');
    expect(v.safeParse(DisplayNameSchema, '   ').success).toBe(false);
    expect(v.safeParse(DisplayNameSchema, 'x'.repeat(41)).success).toBe(false);
    expect(v.safeParse(DisplayNameSchema, 'moc.\u202Eexe').success).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const r = v.safeParse(DisplayNameSchema, raw);
        if (r.success) {
          expect(r.output.length).toBeGreaterThan(0);
          expect(r.output.length).toBeLessThanOrEqual(40);
          expect(r.output).not.toMatch(/[\n\r\t]|^\s|\s$/);
        }
      }),
    );
  });

  it('takes three kinds of target and nothing else', () => {
    expect(v.safeParse(TargetSchema, { to: 'all' }).success).toBe(true);
    expect(v.safeParse(TargetSchema, { to: 'group', group: 'Table 1' }).success).toBe(true);
    expect(v.safeParse(TargetSchema, { to: 'trainees', traineeIds: ['a', 'b'] }).success).toBe(
      true,
    );
    expect(v.safeParse(TargetSchema, { to: 'trainees', traineeIds: [] }).success).toBe(false);
    expect(v.safeParse(TargetSchema, { to: 'everyone' }).success).toBe(false);
  });

  it('tells instructors from trainees in the handshake', () => {
    const key = 'k'.repeat(43);
    expect(
      v.parse(HandshakeAuthSchema, { role: 'instructor', key, pid: 'x', offset: 'y' }),
    ).toEqual({
      role: 'instructor',
      key,
    });
    expect(v.safeParse(HandshakeAuthSchema, { role: 'trainee', code: 'K7QH3M' }).success).toBe(
      false,
    );
    expect(
      v.safeParse(HandshakeAuthSchema, { role: 'trainee', code: 'K7QH3M', token: key }).success,
    ).toBe(true);
  });

  it('gives every message a role and a schema that refuses garbage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(CLIENT_MESSAGES)), fc.anything(), (name, junk) => {
        const spec = CLIENT_MESSAGES[name as keyof typeof CLIENT_MESSAGES];
        expect(['instructor', 'trainee']).toContain(spec.role);
        // Never throws, whatever arrives.
        v.safeParse(spec.schema, junk);
      }),
    );
  });

  it('checks session logs as @ft/lessons records them', () => {
    const entries = CLIENT_MESSAGES.sessionCommands.schema;
    const ok = [
      { timeMs: 0, command: { type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' } },
      { timeMs: 5000, warpToNextEvent: 60_000 },
      { timeMs: 6000, command: { type: 'insert', target: 'A.cpu-1', replacement: true } },
      // A live twin's clock moves in wall-clock slices: times are kept exact.
      { timeMs: 6016.7, command: { type: 'pull', target: 'A.cpu-0' } },
    ];
    expect(v.safeParse(entries, { entries: ok }).success).toBe(true);
    for (const bad of [
      { timeMs: 1, command: { type: 'inject', target: 'A.cpu-1', fault: 'disk-failure' } },
      { timeMs: 1, command: { type: 'pull' } },
      { timeMs: -1, warpToNextEvent: 5 },
      { timeMs: Number.NaN, warpToNextEvent: 5 },
      { timeMs: 1, warpToNextEvent: Number.POSITIVE_INFINITY },
      { timeMs: '1', command: { type: 'pull', target: 'A.cpu-1' } },
      { atMs: 1, command: { type: 'pull', target: 'A.cpu-1' } },
    ]) {
      expect(v.safeParse(entries, { entries: [bad] }).success, JSON.stringify(bad)).toBe(false);
    }
    const header = CLIENT_MESSAGES.sessionStart.schema;
    expect(
      v.safeParse(header, { lessonId: null, seed: 1, rack: { preset: '4300-dmr' } }).success,
    ).toBe(true);
    expect(v.safeParse(header, { lessonId: null, seed: 1, rack: { preset: 'nope' } }).success).toBe(
      false,
    );
    expect(v.safeParse(header, { lessonId: null, seed: 1, rack: '4300-dmr' }).success).toBe(false);
  });

  it('refuses a fault the component cannot suffer, naming what it can', () => {
    const inject = CLIENT_MESSAGES.injectFault.schema;
    const ok = v.safeParse(inject, {
      target: { to: 'all' },
      component: 'A.disk-10-40-1',
      fault: 'disk-failure',
    });
    expect(ok.success).toBe(true);
    const bad = v.safeParse(inject, {
      target: { to: 'all' },
      component: 'A.cpu-1',
      fault: 'disk-failure',
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0].message).toContain('A.cpu-1 cannot suffer this fault');
  });
});
