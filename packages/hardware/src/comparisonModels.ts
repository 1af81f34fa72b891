/**
 * The machines the ftServer is compared with (issue 11): a conventional server (one CPU-memory
 * unit, no lockstep) in two sizes, and the shared disk array of a two-node failover cluster.
 * They are built from the same kinds of assembly the scene already draws (a CPU assembly, a core
 * I/O assembly with three disk bays, an expansion I/O assembly), so a twin of them looks like a
 * period 2U/3U server beside the ftServer.
 *
 * Every figure is marked, as in `models.ts`. Nothing here is a sourced fact about a particular
 * product: the conventional server stands for the generic 2U dual-Xeon server of 2004, given the
 * ftServer 4300's processor and memory so that the comparison is like for like.
 */
import { assumed } from './figure.ts';
import type {
  AssemblySlot,
  ComparisonModelId,
  ComponentKind,
  CpuAssemblySpec,
  Figure,
  IoAssemblySpec,
  ModelSpec,
} from './types.ts';

const PLACEHOLDER = 'placeholder part number, not a real product';
const LIKE_FOR_LIKE = 'same as the ftServer 4300, for a like-for-like comparison';

/** The motherboard I/O of a conventional server, drawn as one core I/O assembly. */
const SERVER_IO: IoAssemblySpec = {
  heightU: assumed(1, 'drawn as one 1U core I/O assembly'),
  pciSlots: assumed(2, 'two PCI slots on the riser, like the ftServer core I/O'),
  diskBays: assumed(3, 'three hot-plug bays drawn; a 2004 2U server had 3 to 6'),
  partNumber: assumed('CS-IO-0100', PLACEHOLDER),
};

const SERVER_RISER: IoAssemblySpec = {
  heightU: assumed(1, 'drawn as one 1U expansion I/O assembly'),
  pciSlots: assumed(3, 'three more PCI slots, like the ftServer expansion I/O'),
  diskBays: assumed(0, 'disks live in the I/O assembly'),
  partNumber: assumed('CS-IO-0200', PLACEHOLDER),
};

function serverCpu(
  processors: readonly number[],
  memoryGB: readonly number[],
  defaultGB: number,
): CpuAssemblySpec {
  return {
    heightU: assumed(1, 'one 1U CPU-memory assembly'),
    processor: {
      name: 'Intel Xeon 3.2 GHz',
      clockGHz: assumed(3.2, LIKE_FOR_LIKE),
      l2CacheMB: assumed(1, LIKE_FOR_LIKE),
    },
    processorsPerElement: assumed(processors, 'sockets on the board'),
    memoryGBOptions: assumed(memoryGB, 'covers the memory of the ftServer it stands in for'),
    defaultMemoryGB: assumed(defaultGB, LIKE_FOR_LIKE),
    partNumber: assumed('CS-CPU-0100', PLACEHOLDER),
  };
}

const slot = (
  kind: AssemblySlot['kind'],
  element: number,
  offsetU: number,
  heightU = 1,
): AssemblySlot => ({ kind, element, offsetU, heightU });

const CONVENTIONAL: ModelSpec = {
  id: 'conventional',
  name: 'Conventional server',
  heightU: assumed(2, 'a 2U rack server: one I/O assembly and one CPU-memory assembly'),
  smpWays: assumed(2, 'dual-socket, like the ftServer 4300'),
  tmrCapable: assumed(false, 'no lockstep at all'),
  cpu: serverCpu([1, 2], [1, 2, 4, 8], 4),
  coreIo: SERVER_IO,
  expansionIo: null,
  psu: {
    watts: assumed(500, 'same rating as the ftServer 4300 supply'),
    partNumber: assumed('CS-PSU-0500', PLACEHOLDER),
  },
  layout: [slot('io', 10, 0), slot('cpu', 0, 1)],
};

const CONVENTIONAL_XIO: ModelSpec = {
  id: 'conventional-xio',
  name: 'Conventional server (3U)',
  heightU: assumed(3, 'I/O, PCI riser and CPU-memory assemblies, 1U each'),
  smpWays: assumed(4, 'stands in for the 5600 and the 4-way 6600'),
  tmrCapable: assumed(false, 'no lockstep at all'),
  cpu: serverCpu([1, 2, 4], [2, 4, 8, 16, 32], 8),
  coreIo: SERVER_IO,
  expansionIo: SERVER_RISER,
  psu: {
    watts: assumed(900, 'same rating as the ftServer 6600 supply'),
    partNumber: assumed('CS-PSU-0900', PLACEHOLDER),
  },
  layout: [slot('io', 10, 0), slot('xio', 12, 1), slot('cpu', 0, 2)],
};

/** A controller of the shared array: drawn as a core I/O assembly with its three disk bays. */
const ARRAY_CONTROLLER: IoAssemblySpec = {
  heightU: assumed(1, 'one 1U controller shelf with three bays'),
  pciSlots: assumed(0, 'an array controller has no PCI slots'),
  diskBays: assumed(3, 'three bays per controller, as many disks as an ftServer I/O element'),
  partNumber: assumed('DA-CTL-0100', PLACEHOLDER),
};

const DISK_ARRAY: ModelSpec = {
  id: 'disk-array',
  name: 'Shared disk array',
  heightU: assumed(2, 'two 1U controller shelves'),
  smpWays: assumed(1, 'one RAID processor per controller'),
  tmrCapable: assumed(false, 'no lockstep'),
  // The "CPU" of an array is the RAID processor and cache on each controller board; it has no
  // assembly of its own (the layout has no CPU slot).
  cpu: {
    heightU: assumed(0, 'on the controller board, not an assembly of its own'),
    processor: {
      name: 'RAID controller processor',
      clockGHz: assumed(0.6, 'an embedded RAID processor of the period'),
      l2CacheMB: assumed(0, 'not modelled'),
    },
    processorsPerElement: assumed([1], 'one per controller'),
    memoryGBOptions: assumed([1], 'controller cache'),
    defaultMemoryGB: assumed(1, 'controller cache'),
    partNumber: assumed('DA-CTL-0100', PLACEHOLDER),
  },
  coreIo: ARRAY_CONTROLLER,
  expansionIo: null,
  psu: {
    watts: assumed(400, 'a two-shelf disk enclosure'),
    partNumber: assumed('DA-PSU-0400', PLACEHOLDER),
  },
  layout: [slot('io', 10, 0), slot('io', 11, 1)],
};

/** The comparison machines, by id (merged into `MODELS`). */
export const COMPARISON_MODELS: Readonly<Record<ComparisonModelId, ModelSpec>> = {
  conventional: CONVENTIONAL,
  'conventional-xio': CONVENTIONAL_XIO,
  'disk-array': DISK_ARRAY,
};

/** Ids of {@link COMPARISON_MODELS}, in catalog order. */
export const COMPARISON_MODEL_IDS: readonly ComparisonModelId[] = [
  'conventional',
  'conventional-xio',
  'disk-array',
];

/**
 * Whether `id` names a comparison machine.
 *
 * @example
 * isComparisonModelId('conventional'); // true
 * isComparisonModelId('4300'); // false
 */
export function isComparisonModelId(id: unknown): id is ComparisonModelId {
  return typeof id === 'string' && (COMPARISON_MODEL_IDS as readonly string[]).includes(id);
}

/** Whether `id` is one of the conventional servers (not the disk array). */
export function isConventionalModelId(id: unknown): id is 'conventional' | 'conventional-xio' {
  return id === 'conventional' || id === 'conventional-xio';
}

const COLD = (what: string) =>
  assumed(false, `${what}: changed with the server powered off and opened`);

/** Which parts of a comparison machine can be changed while it runs. */
export const COMPARISON_HOT_SWAP: Readonly<
  Record<'server' | 'array', Readonly<Record<ComponentKind, Figure<boolean>>>>
> = {
  server: {
    cpu: COLD('CPU-memory board'),
    io: COLD('motherboard I/O'),
    xio: COLD('PCI riser'),
    disk: assumed(true, 'hot-plug SCSI bays were usual on 2004 rack servers'),
    pci: COLD('PCI adapter (no hot-plug PCI)'),
    nic: COLD('embedded port'),
    psu: COLD('single power supply'),
  },
  array: {
    cpu: assumed(false, 'no CPU assembly'),
    io: assumed(true, 'redundant array controllers are hot-swappable'),
    xio: assumed(false, 'no expansion shelf'),
    disk: assumed(true, 'hot-plug array disks'),
    pci: assumed(false, 'no PCI slots'),
    nic: assumed(false, 'no network port modelled'),
    psu: assumed(true, 'redundant enclosure supplies'),
  },
};
