import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engine } from './test/harness.ts';
import { COMP_ENTRY, MIB_ROOT, TRAP_COLUMNS, TRAP_NAMES, TRAP_NUMBERS } from './snmp.ts';
import type { TrapEvent } from './types.ts';

const mibPath = new URL('../mib/FTSERVER-TWIN-MIB.txt', import.meta.url).pathname;
// SNMPv2-SMI and the other IETF base modules smilint needs: Debian's smitools ships none, the
// net-snmp package (a devDependency kept for these files only; knip.json ignores it) does.
const baseMibs = new URL('../../../node_modules/net-snmp/lib/mibs', import.meta.url).pathname;
const mib = readFileSync(mibPath, 'utf8');

/** `name ... ::= { parent n }` assignments of the module. */
function assignments(): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  const re =
    /^(\w+)\s+(?:OBJECT IDENTIFIER|OBJECT-TYPE|NOTIFICATION-TYPE|MODULE-IDENTITY|OBJECT-GROUP|NOTIFICATION-GROUP|MODULE-COMPLIANCE)[\s\S]*?::=\s*\{\s*(\w+)\s+(\d+)(?:\s+(\d+))?\s*\}/gm;
  for (const m of mib.matchAll(re)) out.set(m[1], [m[2], Number(m[4] ?? m[3])]);
  return out;
}

function oidOf(name: string, map = assignments()): string {
  const [parent, n] = map.get(name) ?? ['?', -1];
  if (name === 'ftTwinMIB') return MIB_ROOT;
  return `${oidOf(parent, map)}.${n}`;
}

describe('FTSERVER-TWIN-MIB', () => {
  it('defines every trap the engine emits, at the same OID and with the same varbinds', () => {
    for (const [kind, name] of Object.entries(TRAP_NAMES)) {
      expect(oidOf(name)).toBe(`${MIB_ROOT}.0.${TRAP_NUMBERS[kind as keyof typeof TRAP_NUMBERS]}`);
      const objects =
        new RegExp(`${name} NOTIFICATION-TYPE\\s+OBJECTS\\s+\\{([^}]*)\\}`).exec(mib)?.[1] ?? '';
      expect(objects.split(',').map((s) => s.trim())).toEqual(Object.keys(TRAP_COLUMNS));
    }
    for (const [column, n] of Object.entries(TRAP_COLUMNS))
      expect(`${oidOf(column)}`).toBe(`${COMP_ENTRY}.${n}`);
  });

  it('matches the traps a real fault produces', () => {
    const e = engine('4300-dmr');
    e.command({ type: 'inject', target: 'A.disk-10-40-2', fault: 'disk-failure' });
    e.command({ type: 'pull', target: 'A.disk-10-40-2' });
    e.command({ type: 'insert', target: 'A.disk-10-40-2', replacement: true });
    const traps = e.drainEvents().filter((ev): ev is TrapEvent => ev.kind === 'trap');
    const own = traps.filter((t) => t.componentId === 'A.disk-10-40-2').map((t) => t.trap);
    expect(own).toEqual(['broken', 'removed', 'inserted']);
    // Its mirror partner's change (duplex → simplex) is a trap too: every state change is.
    expect(traps.some((t) => t.componentId === 'A.disk-11-40-2' && t.trap === 'stateChange')).toBe(
      true,
    );
    const map = assignments();
    for (const t of traps) {
      expect(t.oid).toBe(oidOf(TRAP_NAMES[t.trap], map));
      expect(t.varbinds.map((v) => v.name)).toEqual(Object.keys(TRAP_COLUMNS));
      for (const v of t.varbinds) expect(v.oid.startsWith(`${oidOf(v.name, map)}.`)).toBe(true);
    }
    expect(traps[0].varbinds.find((v) => v.name === 'ftCompId')?.value).toBe('A.disk-10-40-2');
  });

  const smilint = spawnSync('smilint', ['--version'], { encoding: 'utf8' });
  it.skipIf(smilint.error !== undefined && !process.env.CI)(
    'passes smilint with no errors or warnings up to level 4',
    () => {
      const out = execFileSync('smilint', ['-l', '4', '-s', mibPath], {
        encoding: 'utf8',
        env: { ...process.env, SMIPATH: baseMibs },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out.trim()).toBe('');
      const errors = spawnSync('smilint', ['-l', '4', '-s', mibPath], {
        encoding: 'utf8',
        env: { ...process.env, SMIPATH: baseMibs },
      });
      expect(errors.status).toBe(0);
      expect(errors.stderr.trim()).toBe('');
    },
  );
});
