import type { ComponentKind } from '@ft/hardware';
import { FAULTS_BY_KIND } from './sim/faults.ts';
import { KIND_CODES } from './sim/kinds.ts';
import type { FaultKind } from './types.ts';

/** Fault kinds that can be injected into each kind of component. */
export const FAULTS_BY_KIND_NAME: Record<ComponentKind, readonly FaultKind[]> = Object.fromEntries(
  Object.entries(KIND_CODES).map(([name, code]) => [name, FAULTS_BY_KIND[code]]),
) as Record<ComponentKind, readonly FaultKind[]>;
