/** A short English description of a predicate, for checks that carry no label. */
import type { Predicate } from './types.ts';

function names(value: string | string[]): string {
  return Array.isArray(value) ? value.join(' or ') : value;
}

const SCOPE_TEXT = { step: '', lesson: ' (since the lesson began)' } as const;

/**
 * @example
 * describePredicate({ check: 'component', target: 'A.cpu-1', state: 'duplex' });
 * // 'A.cpu-1 is duplex'
 */
export function describePredicate(p: Predicate): string {
  if (p.label) return p.label;
  const scope = 'scope' in p && p.scope ? SCOPE_TEXT[p.scope] : '';
  switch (p.check) {
    case 'component':
      return `${p.target} is ${names(p.state)}`;
    case 'system': {
      const parts: string[] = [];
      if (p.status !== undefined) parts.push(`is ${names(p.status)}`);
      if (p.upgrade !== undefined) parts.push(`Active Upgrade is ${names(p.upgrade)}`);
      if (p.softwareVersion !== undefined) parts.push(`runs ${p.softwareVersion}`);
      if (p.applicationUp !== undefined)
        parts.push(p.applicationUp ? 'application is up' : 'application is down');
      if (p.gatewayLinkUp !== undefined)
        parts.push(p.gatewayLinkUp ? 'call-home link is up' : 'call-home link is down');
      return `system ${p.system}: ${parts.join(', ')}`;
    }
    case 'event': {
      const on = p.target ?? (p.system ? `system ${p.system}` : 'any component');
      const what =
        p.kind === 'state' || p.kind === 'system'
          ? `${p.kind === 'state' ? 'state change' : 'status change'}${p.from ? ` from ${p.from}` : ''}${p.to ? ` to ${p.to}` : ''}`
          : p.kind === 'trap'
            ? `SNMP trap${p.trap ? ` ${p.trap}` : ''}`
            : p.kind === 'serviceCall'
              ? `service call${p.status ? ` ${p.status}` : ''}${p.path ? ` via ${p.path}` : ''}`
              : p.kind === 'alert'
                ? `SAM alert${p.metric ? ` (${p.metric})` : ''}`
                : `log line${p.severity ? ` of severity ${p.severity} or worse` : ''}${p.text ? ` mentioning "${p.text}"` : ''}`;
      const count = p.atLeast && p.atLeast > 1 ? `${p.atLeast}× ` : '';
      const within = p.withinMs ? ` within ${p.withinMs / 1000} s` : '';
      return `${count}${what} on ${on}${within}${scope}`;
    }
    case 'counter':
      return `${p.counter} of system ${p.system}${p.scope === 'step' ? ' (this step)' : ''} ${p.op} ${p.value}`;
    case 'action': {
      const what = `${p.do}${p.target ? ` ${p.target}` : ''}${p.with ? ` ${JSON.stringify(p.with)}` : ''}${p.unsafe ? ' (unsafe, confirmed)' : ''}`;
      return `${p.done === false ? 'did not ' : 'did '}${what}${scope}`;
    }
    case 'answer':
      return `answered question ${p.question} correctly`;
    case 'serviceCall':
      return `a service call${p.target ? ` for ${p.target}` : p.system ? ` of system ${p.system}` : ''}${p.status ? ` is ${names(p.status)}` : ' exists'}${p.path ? ` (via ${p.path})` : ''}`;
    case 'dump':
      return `a ${p.cause ? `${p.cause} ` : ''}dump${p.system ? ` of system ${p.system}` : ''}${p.target ? ` from ${p.target}` : ''}${p.completed === undefined ? ' exists' : p.completed ? ' is written' : ' is being written'}`;
    case 'all':
      return p.of.map(describePredicate).join(' and ');
    case 'any':
      return p.of.map(describePredicate).join(' or ');
    case 'not':
      return `not (${describePredicate(p.of)})`;
  }
}
