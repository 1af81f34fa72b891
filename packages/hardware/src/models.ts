/**
 * The three second-generation ftServer models. Sourced facts are marked `src`; every other figure
 * is our own modelling choice, marked `assumed` with the reasoning, so it can be corrected here.
 *
 * Chassis layout (our choice, the same for every model): core I/O at the bottom, expansion I/O
 * above it, CPU elements on top; side 0 below side 1 within each pair.
 */
import { COMPARISON_MODELS } from './comparisonModels.ts';
import { assumed, sourced } from './figure.ts';
import type {
  AssemblySlot,
  FtServerModelId,
  IoAssemblySpec,
  ModelId,
  ModelSpec,
  ProcessorSpec,
  PsuSpec,
  RedundancyMode,
} from './types.ts';

const PLACEHOLDER = 'placeholder, not a real Stratus part number';

/** Element numbers as ftSMC shows them. CPU 2 is the TMR third board [assumed]. */
export const CPU_ELEMENTS = [0, 1, 2] as const;
export const CORE_IO_ELEMENTS = [10, 11] as const;
/** Expansion I/O element numbers [assumed: next after the core I/O elements]. */
export const EXPANSION_IO_ELEMENTS = [12, 13] as const;

const CORE_IO: IoAssemblySpec = {
  heightU: sourced(1, 'core I/O is 1U, common to every model'),
  pciSlots: sourced(2, 'two PCI slots per core I/O element'),
  diskBays: sourced(3, 'up to three hot-plug disks per core I/O element'),
  partNumber: assumed('AA-G40100', PLACEHOLDER),
};

const EXPANSION_IO: IoAssemblySpec = {
  heightU: sourced(1, 'expansion I/O is 1U'),
  pciSlots: sourced(3, 'three more PCI slots on a separate bus'),
  diskBays: sourced(0, 'disks live in the core I/O'),
  partNumber: assumed('AA-G40200', PLACEHOLDER),
};

const XEON_32: ProcessorSpec = {
  name: 'Intel Xeon 3.2 GHz',
  clockGHz: sourced(3.2, 'ftServer 4300: 3.2 GHz Xeon'),
  l2CacheMB: sourced(1, 'ftServer 4300: 1 MB L2'),
};

function psu(watts: number, partNumber: string): PsuSpec {
  return {
    watts: assumed(watts, 'plausible for the period; no figure found'),
    partNumber: assumed(partNumber, PLACEHOLDER),
  };
}

/** Builds a bottom-to-top layout: core I/O pair, expansion I/O pair, then CPU elements. */
function stackLayout(cpuHeightU: number, expansion: boolean, tmrBay: boolean): AssemblySlot[] {
  const slots: AssemblySlot[] = [];
  let offsetU = 0;
  const push = (kind: AssemblySlot['kind'], element: number, heightU: number, tmrOnly = false) => {
    slots.push(
      tmrOnly ? { kind, element, offsetU, heightU, tmrOnly } : { kind, element, offsetU, heightU },
    );
    offsetU += heightU;
  };
  for (const e of CORE_IO_ELEMENTS) push('io', e, CORE_IO.heightU.value);
  if (expansion) for (const e of EXPANSION_IO_ELEMENTS) push('xio', e, EXPANSION_IO.heightU.value);
  push('cpu', 0, cpuHeightU);
  push('cpu', 1, cpuHeightU);
  if (tmrBay) push('cpu', 2, cpuHeightU, true);
  return slots;
}

const FT4300: ModelSpec = {
  id: '4300',
  name: 'ftServer 4300',
  heightU: sourced(4, 'ftServer 4300 is 4U'),
  smpWays: sourced(2, 'one or two Xeons per CPU element'),
  tmrCapable: assumed(false, 'TMR is optional on some models only; we take the 4300 as DMR only'),
  cpu: {
    heightU: assumed(1, 'CPU assemblies are 1U or 2U [src]; 2 x 1U CPU + 2 x 1U core I/O = 4U'),
    processor: XEON_32,
    processorsPerElement: sourced([1, 2], 'one or two 3.2 GHz Xeons per CPU element'),
    memoryGBOptions: assumed([1, 2, 4, 8], 'up to 8 GB [src]; steps assumed'),
    defaultMemoryGB: assumed(4, 'a mid-range configuration'),
    partNumber: assumed('AA-G43100', PLACEHOLDER),
  },
  coreIo: CORE_IO,
  expansionIo: null,
  psu: psu(500, 'AA-P43000'),
  layout: stackLayout(1, false, false),
};

const FT5600: ModelSpec = {
  id: '5600',
  name: 'ftServer 5600',
  heightU: assumed(6, '2 x 1U CPU + 2 x 1U core I/O + 2 x 1U expansion I/O'),
  smpWays: assumed(2, 'between the 2-way 4300 and the 4-way 6600'),
  tmrCapable: assumed(false, 'TMR is optional on some models only; we take the 5600 as DMR only'),
  cpu: {
    heightU: assumed(1, 'CPU assemblies are 1U or 2U [src]'),
    processor: {
      name: 'Intel Xeon 3.2 GHz',
      clockGHz: assumed(3.2, 'same processor as the 4300'),
      l2CacheMB: assumed(1, 'same processor as the 4300'),
    },
    processorsPerElement: assumed([1, 2], '2-way'),
    memoryGBOptions: assumed([2, 4, 8, 16], 'up to 16 GB'),
    defaultMemoryGB: assumed(8, 'a mid-range configuration'),
    partNumber: assumed('AA-G56100', PLACEHOLDER),
  },
  coreIo: CORE_IO,
  expansionIo: EXPANSION_IO,
  psu: psu(650, 'AA-P56000'),
  layout: stackLayout(1, true, false),
};

const FT6600: ModelSpec = {
  id: '6600',
  name: 'ftServer 6600',
  heightU: sourced(10, 'ftServer 6600 is 10U'),
  smpWays: sourced(4, 'ftServer 6600 is 4-way SMP'),
  tmrCapable: assumed(true, 'TMR is optional on some models [src]; we take the 6600 as one'),
  cpu: {
    heightU: assumed(2, 'CPU assemblies are 1U or 2U [src]; three 2U bays + 4 x 1U I/O = 10U'),
    processor: {
      name: 'Intel Xeon MP 2.8 GHz',
      clockGHz: assumed(2.8, 'typical 4-way Xeon MP of 2004'),
      l2CacheMB: assumed(0.5, 'typical 4-way Xeon MP of 2004'),
    },
    processorsPerElement: assumed([2, 4], 'up to 4-way [src]; 2 or 4 sockets populated'),
    memoryGBOptions: assumed([4, 8, 16, 32], 'up to 32 GB'),
    defaultMemoryGB: assumed(16, 'a mid-range configuration'),
    partNumber: assumed('AA-G66100', PLACEHOLDER),
  },
  coreIo: CORE_IO,
  expansionIo: EXPANSION_IO,
  psu: psu(900, 'AA-P66000'),
  layout: stackLayout(2, true, true),
};

/**
 * The catalog: the ftServer models and, for the comparison of issue 11, the conventional servers
 * and the cluster's disk array (`comparisonModels.ts`), by id.
 *
 * @example
 * MODELS['4300'].heightU.value; // 4
 * MODELS['6600'].tmrCapable.value; // true
 */
export const MODELS: Readonly<Record<ModelId, ModelSpec>> = {
  '4300': FT4300,
  '5600': FT5600,
  '6600': FT6600,
  ...COMPARISON_MODELS,
};

/** ftServer model ids in catalog order (the comparison machines are in `COMPARISON_MODEL_IDS`). */
export const MODEL_IDS: readonly FtServerModelId[] = ['4300', '5600', '6600'];

/** Whether `id` names an ftServer model of {@link MODELS}. */
export function isModelId(id: unknown): id is FtServerModelId {
  return typeof id === 'string' && (MODEL_IDS as readonly string[]).includes(id);
}

/**
 * The assemblies present in a chassis for a redundancy mode: the TMR-only bay is left out in DMR.
 *
 * @example
 * layoutFor(MODELS['6600'], 'dmr').some((s) => s.element === 2); // false
 */
export function layoutFor(spec: ModelSpec, mode: RedundancyMode): readonly AssemblySlot[] {
  return mode === 'tmr' ? spec.layout : spec.layout.filter((s) => !s.tmrOnly);
}

/** Number of PCI slots per side (core I/O plus expansion I/O, if any). */
export function pciSlotsPerSide(spec: ModelSpec): number {
  return spec.coreIo.pciSlots.value + (spec.expansionIo?.pciSlots.value ?? 0);
}
