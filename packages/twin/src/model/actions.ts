/**
 * The action buttons of the component panel, derived from the engine's ComponentInfo: one per
 * injectable fault, then the service actions. Enabled exactly when the engine says the command
 * is possible now (`info.actions`); injection is possible whenever a fault is listed.
 */
import type { Command, CommandType, ComponentInfo } from '@ft/engine';
import { faultLabel } from './labels.ts';

export interface ActionButton {
  /** Dotted test id, e.g. `action.inject.stuck-at`, `action.pull`. */
  testId: string;
  label: string;
  enabled: boolean;
  /** Pull needs confirmation when it is not safe. */
  confirm: boolean;
  danger: boolean;
  command: Command;
}

export function faultButtons(info: ComponentInfo): ActionButton[] {
  return info.faults.map((fault) => ({
    testId: `action.inject.${fault}`,
    label: `Inject: ${faultLabel(fault)}`,
    enabled: true,
    confirm: false,
    danger: false,
    command: { type: 'inject', target: info.id, fault },
  }));
}

export function serviceButtons(info: ComponentInfo): ActionButton[] {
  const can = (t: CommandType) => info.actions.includes(t);
  const target = info.id;
  const buttons: ActionButton[] = [
    {
      testId: 'action.pull',
      label: 'Pull',
      enabled: can('pull'),
      confirm: !info.safeToPull,
      danger: !info.safeToPull,
      command: { type: 'pull', target },
    },
    {
      testId: 'action.insert',
      label: 'Insert same',
      enabled: can('insert'),
      confirm: false,
      danger: false,
      command: { type: 'insert', target, replacement: false },
    },
    {
      testId: 'action.insert-new',
      label: 'Insert new replacement',
      enabled: can('insert'),
      confirm: false,
      danger: false,
      command: { type: 'insert', target, replacement: true },
    },
    {
      testId: 'action.bring-down',
      label: 'Bring down',
      enabled: can('bringDown'),
      confirm: false,
      danger: false,
      command: { type: 'bringDown', target },
    },
    {
      testId: 'action.bring-up',
      label: 'Bring up',
      enabled: can('bringUp'),
      confirm: false,
      danger: false,
      command: { type: 'bringUp', target },
    },
    {
      testId: 'action.clear-mtbf',
      label: 'Clear MTBF',
      enabled: can('clearMtbf'),
      confirm: false,
      danger: false,
      command: { type: 'clearMtbf', target },
    },
  ];
  const maintenance: [Command['type'], string, string][] = [
    ['runDiagnostics', 'action.run-diagnostics', 'Run diagnostics'],
    ['updateFirmware', 'action.update-firmware', 'Update firmware'],
    ['takeDump', 'action.take-dump', 'Take a dump'],
  ];
  // An engine that does not list maintenance commands in `actions` yet still accepts them (and
  // explains a refusal), so they stay enabled there; otherwise `actions` decides.
  const listsMaintenance = maintenance.some(([type]) => can(type));
  for (const [type, testId, label] of maintenance) {
    if (!can(type) && !offersMaintenance(info.kind, type)) continue;
    buttons.push({
      testId,
      label,
      enabled: can(type) || !listsMaintenance,
      confirm: false,
      danger: false,
      command: { type, target } as Command,
    });
  }
  if (info.kind === 'nic' || can('restoreLink')) {
    buttons.push({
      testId: 'action.restore-link',
      label: 'Restore link',
      enabled: can('restoreLink'),
      confirm: false,
      danger: false,
      command: { type: 'restoreLink', target },
    });
  }
  return buttons;
}

/** Maintenance commands that apply to a kind of component (CPU and I/O elements). */
function offersMaintenance(kind: string, type: Command['type']): boolean {
  if (type === 'takeDump') return kind === 'cpu';
  if (type === 'runDiagnostics') return ['cpu', 'io', 'xio', 'disk', 'pci'].includes(kind);
  return ['cpu', 'io', 'xio', 'pci'].includes(kind);
}

/** Whether the disk rebuild-priority control applies to this component. */
export const hasDiskPriority = (info: ComponentInfo): boolean =>
  info.kind === 'disk' || info.actions.includes('setDiskPriority');
