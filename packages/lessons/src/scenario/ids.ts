/**
 * Which component and system ids a scenario, a predicate or a command refers to, with the field
 * path of each, so that a file can be checked against the rack it will run on: a well-formed id
 * such as `A.cpu-2` still names nothing on a DMR 4300.
 */
import type { Command } from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import type { Predicate } from '../predicate/types.ts';
import { SYSTEM_COMMAND_TYPES } from '../schema/command.ts';
import { kindOfId, systemOfId } from '../schema/fields.ts';
import type { FieldIssue } from '../schema/issues.ts';
import type { SolutionStep } from './types.ts';

export interface IdRef {
  path: string;
  id: string;
  of: 'component' | 'system';
}

const SYSTEM_TYPES: readonly string[] = SYSTEM_COMMAND_TYPES;

export function commandIds(c: Command, path: string): IdRef[] {
  return [
    {
      path: `${path}.target`,
      id: c.target,
      of: SYSTEM_TYPES.includes(c.type) ? 'system' : 'component',
    },
  ];
}

export function predicateIds(p: Predicate, path: string): IdRef[] {
  const out: IdRef[] = [];
  switch (p.check) {
    case 'all':
    case 'any':
      for (const [i, q] of p.of.entries()) out.push(...predicateIds(q, `${path}.of[${i}]`));
      break;
    case 'not':
      out.push(...predicateIds(p.of, `${path}.of`));
      break;
    case 'action':
      if (p.target !== undefined) {
        const system = SYSTEM_TYPES.includes(p.do) || !p.target.includes('.');
        out.push({ path: `${path}.target`, id: p.target, of: system ? 'system' : 'component' });
      }
      break;
    default:
      if ('target' in p && p.target !== undefined)
        out.push({ path: `${path}.target`, id: p.target, of: 'component' });
      if ('system' in p && p.system !== undefined)
        out.push({ path: `${path}.system`, id: p.system, of: 'system' });
  }
  return out;
}

export function stepIds(s: SolutionStep, path: string): IdRef[] {
  switch (s.do) {
    case 'inject':
    case 'pull':
    case 'insert':
      return [{ path: `${path}.target`, id: s.target, of: 'component' }];
    case 'select':
      return s.target === null ? [] : [{ path: `${path}.target`, id: s.target, of: 'component' }];
    case 'command':
      return commandIds(s.command, `${path}.command`);
    case 'camera':
      if (s.view.startsWith('system:'))
        return [{ path: `${path}.view`, id: s.view.slice(7), of: 'system' }];
      if (s.view.startsWith('part:'))
        return [{ path: `${path}.view`, id: s.view.slice(5), of: 'component' }];
      return [];
    case 'wait':
      return s.until ? predicateIds(s.until, `${path}.until`) : [];
    default:
      return [];
  }
}

export function stepsIds(steps: readonly SolutionStep[], path: string): IdRef[] {
  return steps.flatMap((s, i) => stepIds(s, `${path}[${i}]`));
}

/**
 * Issues for ids the rack does not have, each naming the field and listing the ids that would fit.
 *
 * @example
 * checkIds([{ path: 'steps[0].target', id: 'A.cpu-2', of: 'component' }], buildRack(getPreset('4300-dmr')), '4300-dmr');
 * // [{ path: 'steps[0].target', message: 'no component "A.cpu-2" in rack 4300-dmr; cpu ids: A.cpu-0, A.cpu-1' }]
 */
export function checkIds(refs: readonly IdRef[], rack: RackModel, rackName: string): FieldIssue[] {
  const components = new Set(rack.components.map((c) => c.id));
  const systems = rack.systems.map((s) => s.config.id);
  const issues: FieldIssue[] = [];
  for (const ref of refs) {
    if (ref.of === 'system') {
      if (!systems.includes(ref.id)) {
        issues.push({
          path: ref.path,
          message: `no system "${ref.id}" in rack ${rackName}; systems: ${systems.join(', ')}`,
        });
      }
      continue;
    }
    if (components.has(ref.id)) continue;
    const kind = kindOfId(ref.id);
    const system = systemOfId(ref.id);
    const similar = rack.components
      .filter((c) => c.kind === kind && c.systemId === system)
      .map((c) => c.id);
    const hint =
      similar.length > 0
        ? `${kind} ids: ${similar.slice(0, 8).join(', ')}`
        : `systems: ${systems.join(', ')}`;
    issues.push({
      path: ref.path,
      message: `no component "${ref.id}" in rack ${rackName}; ${hint}`,
    });
  }
  return issues;
}
