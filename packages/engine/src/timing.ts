/**
 * Every timing and rate the engine uses that is not in the hardware catalog, with its provenance.
 * One place, so that assumptions can be found and corrected (DESIGN.md: [src] vs [assumed]).
 */
import type { Figure } from '@ft/hardware';

const assumed = <T>(value: T, note: string): Figure<T> => ({ value, source: 'assumed', note });
const src = <T>(value: T, note: string): Figure<T> => ({ value, source: 'src', note });

const HOUR_MS = 3_600_000;

export const TIMING = {
  /** Simulated instructions per CPU element per simulated second (the workload is a scale model). */
  instructionsPerSimS: assumed(1_000_000, 'scale model: one workload instruction stands for many'),
  /** Resync copy bandwidth over the backplane, calibrated so the final pause matches the NEC figures. */
  copyBandwidthBytesPerS: assumed(
    2.36e9,
    "calibrated with the workload's final dirty set (~19.5% of pages): pause(16/64/128 GB) ≈ 3.0/7.3/13 s vs published 3/7/13 s",
  ),
  /** Fixed part of the stop-and-copy pause (quiesce, register copy, restart). */
  resyncFixedPauseMs: assumed(1_600, 'calibrated with copyBandwidthBytesPerS'),
  publishedPauses: src(
    [
      { memoryGB: 16, pauseS: 3 },
      { memoryGB: 64, pauseS: 7 },
      { memoryGB: 128, pauseS: 13 },
    ],
    'NEC Express5800/ft resync pause figures',
  ),
  /** Pre-copy passes before the final stop-and-copy. */
  resyncMaxPasses: assumed(4, 'stop when the dirty set stops shrinking or after 4 passes'),
  shotToDiagnosticsMs: assumed(500, 'isolation to start of diagnostics'),
  cpuDiagnosticsMs: assumed(8_000, 'board self-test'),
  ioDiagnosticsMs: assumed(5_000, 'I/O element self-test'),
  diagnosticsPassedMs: assumed(500, 'pause in diagnostics-passed before initializing'),
  ioInitializingMs: assumed(3_000, 'I/O element re-initialisation (no memory to copy)'),
  adapterInitializingMs: assumed(2_000, 'PCI adapter bring-up'),
  bootMs: assumed(90_000, 'Windows Server 2003 reboot on ftServer after a crash'),
  dumpBytesPerS: assumed(200e6, 'quick dump written from the held-back element to disk'),
  diskRebuildBytesPerS: {
    low: assumed(10e6, 'mirror rebuild rate, low priority'),
    normal: assumed(30e6, 'mirror rebuild rate, normal priority'),
    high: assumed(60e6, 'mirror rebuild rate, high priority'),
  },
  mtbfThresholdS: src(1440, 'ftSMC default MTBF threshold'),
  mtbfMinSamples: src(6, 'ftSMC: minimum samples before the threshold applies'),
  /** Part delivery time after a call is opened (the engineer replaces it then in pnpm sim). */
  partReplacementMs: assumed(4 * HOUR_MS, '4-hour on-site service contract'),
  partShipMs: assumed(HOUR_MS, 'part leaves the depot an hour after the call'),
  firmwareUpdateMs: assumed(45_000, 'flash and verify one element'),
  firmwareCompleteMs: assumed(2_000, 'firmware-update-complete before diagnostics'),
  upgradePrepareMs: assumed(10_000, 'Active Upgrade: checks and quiesce before split/merge'),
  upgradeInstallMs: assumed(120_000, 'installing the new software version on the upgrade side'),
  upgradeFinishMs: assumed(2_000, 'Active Upgrade: finish step'),
  appRestartMs: assumed(5_000, 'SAM restarts the workload application'),
  samSampleMs: assumed(10_000, 'SAM resource sampling interval'),
  /** Real instructions run after each fault before time warp may skip quiet time again. */
  warpSettleMs: assumed(2_000, 'let detection happen before warping'),
} as const;

/** Mean time between random faults per component kind and fault, in hours (assumed rates). */
export const FAULT_MTBF_H = {
  cpu: {
    'bitflip-register': 8_000,
    'bitflip-memory': 8_000,
    'memory-correctable': 2_000,
    'memory-uncorrectable': 150_000,
    'stuck-at': 300_000,
    'self-check': 60_000,
    'os-crash': 2 * 8_760,
  },
  io: { 'pci-bus-error': 40_000 },
  xio: { 'pci-bus-error': 60_000 },
  disk: { 'disk-media-error': 5_000, 'disk-failure': 600_000 },
  pci: { 'adapter-failure': 250_000 },
  nic: { 'nic-link-loss': 20_000 },
  psu: { 'psu-failure': 200_000 },
} as const;

export const HOUR = HOUR_MS;
