/**
 * Every timing and rate the engine uses that is not in the hardware catalog, with its provenance.
 * One place, so that assumptions can be found and corrected: `src` figures come from a published
 * source named in the note, `assumed` ones are our modelling choices (docs/design.md, "Sourced
 * and assumed").
 */
import type { Figure } from '@ft/hardware';

const assumed = <T>(value: T, note: string): Figure<T> => ({ value, source: 'assumed', note });
const src = <T>(value: T, note: string): Figure<T> => ({ value, source: 'src', note });

const HOUR_MS = 3_600_000;
const HOURS_PER_YEAR = 8760;

export const TIMING = {
  /** Simulated instructions per CPU element per simulated second (the workload is a scale model). */
  instructionsPerSimS: assumed(1_000_000, 'scale model: one workload instruction stands for many'),
  /** Resync copy bandwidth over the backplane, calibrated so the final pause matches the NEC figures. */
  copyBandwidthBytesPerS: assumed(
    2.36e9,
    "calibrated with the workload's final dirty set: pause(16/64/128 GB) close to the published 3/7/13 s",
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
  /** A lost network link (cable, switch port) is put right this long after it went (pnpm sim). */
  linkRepairMs: assumed(4 * HOUR_MS, 'same on-site response as a part: 4 hours'),
  firmwareUpdateMs: assumed(45_000, 'flash and verify one element'),
  firmwareCompleteMs: assumed(2_000, 'firmware-update-complete before diagnostics'),
  upgradePrepareMs: assumed(10_000, 'Active Upgrade: checks and quiesce before split/merge'),
  upgradeInstallMs: assumed(120_000, 'installing the new software version on the upgrade side'),
  upgradeFinishMs: assumed(2_000, 'Active Upgrade: finish step'),
  appRestartMs: assumed(5_000, 'SAM restarts the workload application'),
  samSampleMs: assumed(10_000, 'SAM resource sampling interval'),
  /**
   * Each system runs for real this long after it starts before time warp may skip its quiet
   * stretches: warped transactions are extrapolated at the rate this execution measures.
   */
  rateWarmupMs: assumed(200, 'about 3,500 transactions: the rate is then known to well under 1%'),
  /**
   * DMR software rule: a board's own signalled errors (ECC, self-check) count as evidence against
   * it with this half-life, so an old error stops deciding who leaves.
   */
  evidenceHalfLifeS: assumed(24 * 3600, 'errors older than a few days say little about today'),
  /** Evidence (weighted, decayed error count) one board needs over the other to be the one out. */
  evidenceMargin: assumed(0.5, 'at least one recent signalled error more than the other board'),
} as const;

/**
 * CPU-memory upsets and how many of them a board's own checking logic catches: real boards flag
 * almost every CPU-memory error with ECC, parity and self-checking logic (docs/design.md, "Which
 * faults a board flags"). The rates
 * of the fault kinds the engine draws (FAULT_MTBF_H.cpu) are derived from these figures:
 * caught upsets are board-flagged faults (`self-check`, `memory-correctable`,
 * `memory-uncorrectable`); only the rest are the unflagged `bitflip-*` transients that the DMR
 * software rule must decide on. docs/design.md ("Silent data corruption") derives the expected
 * silent corruptions per DMR system-year from them.
 */
export const CPU_UPSETS = {
  /** Register and logic upsets per CPU element (every one, caught or not). */
  registerUpsetMtbfH: assumed(
    8_000,
    'about one upset a year per element; no published figure found',
  ),
  /** Share of register/logic upsets caught by parity and the board's self-checking logic. */
  registerCoverage: assumed(
    0.999,
    'parity-protected registers and lockstep self-checking logic; no published coverage for this generation found',
  ),
  /** Board self-check errors other than register upsets (logic, bus, clock). */
  selfCheckMtbfH: assumed(60_000, 'board logic errors signalled by the self-checking logic'),
  /** Single-bit memory errors, corrected by ECC and logged. */
  memoryCorrectableMtbfH: src(
    HOURS_PER_YEAR / 0.32,
    'Schroeder, Pinheiro, Weber, "DRAM Errors in the Wild", SIGMETRICS 2009: about a third of machines see a correctable error per year',
  ),
  /** Multi-bit memory errors detected (not corrected) by ECC: the board flags itself. */
  memoryUncorrectableMtbfH: src(
    HOURS_PER_YEAR / 0.013,
    'Schroeder et al. 2009: about 1.3% of machines per year see an uncorrectable error',
  ),
  /** Share of multi-bit memory errors that escape SEC-DED ECC detection (silent memory flips). */
  memoryUndetectedShare: assumed(
    0.01,
    'SEC-DED detects every 2-bit error; wider errors that alias to a valid code word are rare',
  ),
} as const;

const perYear = (mtbfH: number) => HOURS_PER_YEAR / mtbfH;
const reg = CPU_UPSETS.registerUpsetMtbfH.value;
const coverage = CPU_UPSETS.registerCoverage.value;
const uncorrectable = CPU_UPSETS.memoryUncorrectableMtbfH.value;
const undetected = CPU_UPSETS.memoryUndetectedShare.value;

/**
 * Mean time between random faults per component kind and fault, in hours. The CPU rates are
 * derived from CPU_UPSETS (what the board flags and what it misses); the rest are assumed.
 */
export const FAULT_MTBF_H = {
  cpu: {
    /** Register upsets the checking logic missed: unflagged. */
    'bitflip-register': reg / (1 - coverage),
    /** Memory errors ECC neither corrected nor detected: unflagged. */
    'bitflip-memory': uncorrectable / undetected,
    'memory-correctable': CPU_UPSETS.memoryCorrectableMtbfH.value,
    'memory-uncorrectable': uncorrectable,
    'stuck-at': 300_000,
    /** Board-signalled errors: the caught register upsets plus other self-check errors. */
    'self-check': 1 / (coverage / reg + 1 / CPU_UPSETS.selfCheckMtbfH.value),
    'os-crash': 2 * HOURS_PER_YEAR,
  },
  io: { 'pci-bus-error': 40_000 },
  xio: { 'pci-bus-error': 60_000 },
  disk: { 'disk-media-error': 5_000, 'disk-failure': 600_000 },
  pci: { 'adapter-failure': 250_000 },
  nic: { 'nic-link-loss': 20_000 },
  psu: { 'psu-failure': 200_000 },
} as const;

/** Unflagged CPU transients per element per year under FAULT_MTBF_H (for docs and tests). */
export const UNFLAGGED_PER_ELEMENT_YEAR =
  perYear(FAULT_MTBF_H.cpu['bitflip-register']) + perYear(FAULT_MTBF_H.cpu['bitflip-memory']);

export const HOUR = HOUR_MS;
