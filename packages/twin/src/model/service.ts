/** ActiveService calls as the service panel shows them: lifecycle steps and the path taken. */
import type { ServiceCall, ServiceCallStatus } from '@ft/engine';

export const CALL_STEPS: readonly ServiceCallStatus[] = [
  'opened',
  'part-shipped',
  'part-delivered',
  'replaced',
  'closed',
];

export const CALL_STEP_LABELS: Readonly<Record<ServiceCallStatus, string>> = {
  opened: 'Opened',
  'part-shipped': 'Shipped',
  'part-delivered': 'Delivered',
  replaced: 'Replaced',
  closed: 'Closed',
};

export interface CallStep {
  status: ServiceCallStatus;
  label: string;
  mark: 'done' | 'current' | 'todo';
  /** When the call reached this step, or null. */
  timeMs: number | null;
}

/**
 * The lifecycle of a call as a stepper: steps reached are done, the call's status is current.
 *
 * @example
 * callSteps(call).map((s) => s.mark); // ['done', 'current', 'todo', 'todo', 'todo']
 */
export function callSteps(call: Pick<ServiceCall, 'status' | 'history'>): CallStep[] {
  const at = CALL_STEPS.indexOf(call.status);
  return CALL_STEPS.map((status, i) => ({
    status,
    label: CALL_STEP_LABELS[status],
    mark: i === at ? (status === 'closed' ? 'done' : 'current') : i < at ? 'done' : 'todo',
    timeMs: call.history.find((h) => h.status === status)?.timeMs ?? null,
  }));
}

/**
 * How a call reached the support centre, in words.
 *
 * @example
 * pathLabel('gateway A'); // 'via gateway A'
 */
export function pathLabel(path: string): string {
  if (path === 'direct') return 'direct';
  if (path === 'queued') return 'queued (no call-home path)';
  return `via ${path}`;
}

/** Open calls (newest first) and closed ones (the incident history, newest first). */
export function splitCalls(calls: readonly ServiceCall[]): {
  open: ServiceCall[];
  closed: ServiceCall[];
} {
  const open: ServiceCall[] = [];
  const closed: ServiceCall[] = [];
  for (let i = calls.length - 1; i >= 0; i--) {
    (calls[i].status === 'closed' ? closed : open).push(calls[i]);
  }
  return { open, closed };
}

export const GATEWAY_ROLE_LABELS: Readonly<Record<string, string>> = {
  gateway: 'ftGateway',
  backup: 'Backup',
  client: 'Client',
  direct: 'Direct',
};
