import { FAULTS_BY_KIND_NAME } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { outcomes, pickableParts } from './outcomes.ts';
import { comparisonSetup } from './setup.ts';

describe('the fault picker model', () => {
  const setup = comparisonSetup('4300-dmr');
  const active = new Set(['A1']);

  it('lists every ftServer part that can suffer a fault, CPU elements first', () => {
    const parts = pickableParts(setup);
    expect(parts[0].id).toBe('A.cpu-0');
    const withFaults = setup.racks.ftserver.components.filter(
      (c) => (FAULTS_BY_KIND_NAME[c.kind] ?? []).length > 0,
    );
    expect(parts.map((p) => p.id).sort()).toEqual(withFaults.map((c) => c.id).sort());
  });

  it('a hard fault of CPU element 0: no stop on the ftServer, failover on the cluster, down on the conventional server', () => {
    const [ft, cluster, conv] = outcomes(setup, 'A.cpu-0', 'stuck-at', active);
    expect(ft).toMatchObject({ target: 'A.cpu-0', severity: 'degraded' });
    expect(cluster).toMatchObject({ target: 'A1.cpu-0', severity: 'outage' });
    expect(cluster.what).toMatch(/^failover: detection 5 s, group online 20 s, recovery 1 min/);
    expect(conv).toMatchObject({ target: 'A.cpu-0', severity: 'outage' });
    expect(conv.what).toMatch(/part arrives in 4 h/);
  });

  it('the second CPU element: the standby node on the cluster, nothing on the one-board server', () => {
    const [, cluster, conv] = outcomes(setup, 'A.cpu-1', 'stuck-at', active);
    expect(cluster.target).toBe('A2.cpu-0');
    expect(cluster.where).toMatch(/standby/);
    expect(conv).toMatchObject({ target: null, severity: 'none', where: 'No such part here' });
    // Once the application runs on node 2, the same click strikes the active node.
    expect(outcomes(setup, 'A.cpu-1', 'stuck-at', new Set(['A2']))[1].severity).toBe('outage');
  });

  it('an OS crash is drawn on element 0 only; a single-disk server suffers media errors', () => {
    expect(outcomes(setup, 'A.cpu-1', 'os-crash', active)[0].target).toBeNull();
    const single = comparisonSetup('4300-dmr', false);
    const [, , conv] = outcomes(single, 'A.disk-10-40-1', 'disk-media-error', active);
    expect(conv.severity).toBe('outage');
    expect(outcomes(setup, 'A.disk-10-40-1', 'disk-media-error', active)[2].severity).toBe('none');
  });
});
