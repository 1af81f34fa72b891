/**
 * The engine's commands (`Command` in @ft/engine) as a schema, so that scenario files, lesson
 * solutions and session logs are checked before they reach an engine. Kept in step with the
 * engine's types by the compile-time checks at the bottom.
 */
import {
  type Command,
  type CommandType,
  type DiskPriority,
  FAULTS_BY_KIND_NAME,
  type FaultKind,
  type RestartPolicy,
  type SamMetric,
  type SystemAction,
  type UpgradeAction,
} from '@ft/engine';
import * as v from 'valibot';
import {
  bool,
  type COMPONENT_KINDS,
  componentId,
  integer,
  kindOfId,
  oneOf,
  strict,
  systemId,
  text,
} from './fields.ts';
import { quote } from './issues.ts';

export const FAULT_KINDS = [
  'bitflip-register',
  'bitflip-memory',
  'memory-correctable',
  'memory-uncorrectable',
  'stuck-at',
  'self-check',
  'pci-bus-error',
  'adapter-failure',
  'nic-link-loss',
  'disk-media-error',
  'disk-failure',
  'psu-failure',
  'os-crash',
] as const satisfies readonly FaultKind[];

export const SYSTEM_ACTIONS = [
  'powerOff',
  'powerOn',
  'reset',
  'crashApplication',
] as const satisfies readonly SystemAction[];
export const UPGRADE_ACTIONS = [
  'start',
  'merge',
  'abort',
] as const satisfies readonly UpgradeAction[];
export const SAM_METRICS = ['cpu', 'memory', 'disk'] as const satisfies readonly SamMetric[];
export const RESTART_POLICIES = [
  'threshold',
  'never',
  'always',
] as const satisfies readonly RestartPolicy[];
export const DISK_PRIORITIES = ['low', 'normal', 'high'] as const satisfies readonly DiskPriority[];

/** Commands whose `target` is a system id; every other command targets a component. */
export const SYSTEM_COMMAND_TYPES = [
  'system',
  'upgrade',
  'gatewayLink',
  'samAlert',
  'samClearAlerts',
] as const satisfies readonly CommandType[];

export const COMPONENT_COMMAND_TYPES = [
  'inject',
  'runDiagnostics',
  'updateFirmware',
  'takeDump',
  'pull',
  'insert',
  'bringDown',
  'bringUp',
  'clearMtbf',
  'setRestartPolicy',
  'restoreLink',
  'setDiskPriority',
] as const satisfies readonly CommandType[];

export const COMMAND_TYPES = [...COMPONENT_COMMAND_TYPES, ...SYSTEM_COMMAND_TYPES] as const;

/**
 * Optional fault details. An engine that learns a new detail field (for example a way to say
 * whether the board flags a transient) needs it added here too.
 */
export const faultDetailSchema = strict(
  {
    register: v.optional(integer(0, 255, 'a register number')),
    bit: v.optional(integer(0, 31, 'a bit number')),
    address: v.optional(integer(0, 0x7fffffff, 'a word address')),
    block: v.optional(integer(0, 0x7fffffff, 'a disk block')),
  },
  'fault details { register, bit, address, block }',
);

const faultKind = oneOf(FAULT_KINDS, 'a fault, one of');

/** The faults a component can suffer, by the kind in its id. */
export function faultsFor(id: string): readonly FaultKind[] {
  const kind = kindOfId(id) as (typeof COMPONENT_KINDS)[number] | null;
  return kind && kind in FAULTS_BY_KIND_NAME ? FAULTS_BY_KIND_NAME[kind] : [];
}

const injectSchema = v.pipe(
  strict({
    type: v.literal('inject'),
    target: componentId,
    fault: faultKind,
    detail: v.optional(faultDetailSchema),
  }),
  v.forward(
    v.check(
      (c) => faultsFor(c.target).includes(c.fault),
      (i) => {
        const c = i.input as { target: string; fault: string };
        return `${c.target} cannot suffer ${quote(c.fault)}; a ${kindOfId(c.target)} can suffer: ${faultsFor(c.target).join(', ')}`;
      },
    ),
    ['fault'],
  ),
);

const onComponent = <T extends string>(type: T) =>
  strict({ type: v.literal(type), target: componentId });
const onSystem = <T extends string>(type: T) => strict({ type: v.literal(type), target: systemId });

const version = v.pipe(text(40), v.regex(/^\S+$/, 'expected a version like "4.1.0"'));

const commandVariants = [
  injectSchema,
  onComponent('runDiagnostics'),
  strict({ type: v.literal('updateFirmware'), target: componentId, version: v.optional(version) }),
  onComponent('takeDump'),
  onComponent('pull'),
  strict({
    type: v.literal('insert'),
    target: componentId,
    replacement: v.optional(bool('true (a new part) or false (the same one)')),
  }),
  onComponent('bringDown'),
  onComponent('bringUp'),
  onComponent('clearMtbf'),
  strict({
    type: v.literal('setRestartPolicy'),
    target: componentId,
    policy: oneOf(RESTART_POLICIES, 'a restart policy, one of'),
  }),
  onComponent('restoreLink'),
  strict({
    type: v.literal('setDiskPriority'),
    target: componentId,
    priority: oneOf(DISK_PRIORITIES, 'a rebuild priority, one of'),
  }),
  strict({
    type: v.literal('system'),
    target: systemId,
    action: oneOf(SYSTEM_ACTIONS, 'a system action, one of'),
  }),
  strict({
    type: v.literal('upgrade'),
    target: systemId,
    action: oneOf(UPGRADE_ACTIONS, 'an upgrade action, one of'),
    version: v.optional(version),
  }),
  strict({ type: v.literal('gatewayLink'), target: systemId, up: bool() }),
  strict({
    type: v.literal('samAlert'),
    target: systemId,
    metric: oneOf(SAM_METRICS, 'a SAM metric, one of'),
    thresholdPct: v.pipe(
      v.number('expected a percentage'),
      v.check((n) => n > 0 && n < 100, 'expected a percentage between 0 and 100'),
    ),
    action: oneOf(['log', 'notify'] as const, 'an alert action, one of'),
  }),
  onSystem('samClearAlerts'),
] as const;

/**
 * Any engine command, as plain data.
 *
 * @example
 * v.parse(commandSchema, { type: 'pull', target: 'A.cpu-1' });
 */
export const commandSchema = v.variant('type', commandVariants, (i) =>
  i.expected === 'Object'
    ? `expected a command object like { "type": "pull", "target": "A.cpu-1" }, got ${quote(i.input)}`
    : `expected a command type, one of ${COMMAND_TYPES.join(', ')}; got ${quote(i.input)}`,
);

export type CommandInput = v.InferOutput<typeof commandSchema>;

// Compile-time checks: every engine fault and command type is covered, and a parsed command is
// an engine Command.
type Covered<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const faultsCovered: Covered<FaultKind, (typeof FAULT_KINDS)[number]> = true;
const commandsCovered: Covered<CommandType, (typeof COMMAND_TYPES)[number]> = true;
const assignable = (c: CommandInput): Command => c;
void faultsCovered;
void commandsCovered;
void assignable;
