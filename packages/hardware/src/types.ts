/**
 * Types of the hardware catalog. Pure data: no behaviour lives here.
 *
 * Every numeric or boolean figure that describes the real machine is a {@link Figure}, which says
 * whether it is sourced from public Stratus/NEC documentation (`src`) or is our own modelling
 * choice (`assumed`), so that assumptions can be found and corrected in one place.
 */

/** Where a figure comes from. */
export type Provenance = 'src' | 'assumed';

/** A value with its provenance and, optionally, a note on the source or the reasoning. */
export interface Figure<T> {
  readonly value: T;
  readonly source: Provenance;
  readonly note?: string;
}

/** The ftServer models of the catalog. */
export type FtServerModelId = '4300' | '5600' | '6600';

/**
 * Machines the twin models only to compare the ftServer with (issue 11, `comparisonModels.ts`):
 * conventional servers and the shared disk array of a failover cluster.
 */
export type ComparisonModelId = 'conventional' | 'conventional-xio' | 'disk-array';

export type ModelId = FtServerModelId | ComparisonModelId;

/** Kinds of component the twin models. CRU = customer-replaceable unit. */
export type ComponentKind =
  | 'cpu' // CPU element (CPU-memory unit): processors + memory, runs in lockstep
  | 'io' // core I/O element: PCI bus, SCSI, Ethernet, disks
  | 'xio' // expansion I/O element (5600/6600): three more PCI slots on a separate bus
  | 'disk' // hot-plug disk in a core I/O element's bay, mirrored with its partner
  | 'pci' // PCI adapter in a slot of an I/O element
  | 'nic' // embedded Ethernet port of a core I/O element, teamed with its partner
  | 'psu'; // power supply feeding one side of the system

export type LedColor = 'green' | 'amber' | 'blue' | 'white';

/** The meaning of an LED on a CRU; the engine drives each by role. */
export type LedRole = 'power' | 'fault' | 'safeToPull' | 'activity' | 'primary';

export interface LedSpec {
  readonly role: LedRole;
  readonly color: Figure<LedColor>;
  readonly label: string;
}

export interface ProcessorSpec {
  readonly name: string;
  readonly clockGHz: Figure<number>;
  readonly l2CacheMB: Figure<number>;
}

export interface CpuAssemblySpec {
  readonly heightU: Figure<number>;
  readonly processor: ProcessorSpec;
  readonly processorsPerElement: Figure<readonly number[]>;
  readonly memoryGBOptions: Figure<readonly number[]>;
  readonly defaultMemoryGB: Figure<number>;
  readonly partNumber: Figure<string>;
}

export interface IoAssemblySpec {
  readonly heightU: Figure<number>;
  readonly pciSlots: Figure<number>;
  /** Hot-plug disk bays per element (core I/O only; 0 for expansion I/O). */
  readonly diskBays: Figure<number>;
  readonly partNumber: Figure<string>;
}

export interface PciAdapterSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: 'ethernet' | 'scsi' | 'fibre-channel' | 'remote-management';
  readonly partNumber: Figure<string>;
}

export interface DiskSpec {
  readonly id: string;
  readonly name: string;
  readonly capacityGB: Figure<number>;
  readonly partNumber: Figure<string>;
}

export interface PsuSpec {
  readonly watts: Figure<number>;
  readonly partNumber: Figure<string>;
}

export interface ModelSpec {
  readonly id: ModelId;
  readonly name: string;
  readonly heightU: Figure<number>;
  readonly smpWays: Figure<number>;
  readonly tmrCapable: Figure<boolean>;
  readonly cpu: CpuAssemblySpec;
  readonly coreIo: IoAssemblySpec;
  readonly expansionIo: IoAssemblySpec | null;
  readonly psu: PsuSpec;
  /** Bottom-to-top order of assemblies in the chassis, in U offsets from the chassis bottom. */
  readonly layout: readonly AssemblySlot[];
}

/** Where an assembly sits inside a chassis (U offset from the chassis bottom, height in U). */
export interface AssemblySlot {
  readonly kind: 'cpu' | 'io' | 'xio';
  /** Element number as shown by ftSMC: CPU 0/1/2, core I/O 10/11, expansion I/O 12/13. */
  readonly element: number;
  readonly offsetU: number;
  readonly heightU: number;
  /** Only present when the system is configured for TMR. */
  readonly tmrOnly?: boolean;
}

/** One component of a configured system, as the engine and the UI see it. */
export interface ComponentSpec {
  /** Unique within the rack, e.g. `A.cpu-0`, `A.io-10`, `A.disk-10-40-1`. */
  readonly id: string;
  /** Id within the system, e.g. `cpu-0`. */
  readonly localId: string;
  readonly kind: ComponentKind;
  readonly systemId: string;
  /** ftSMC device path, e.g. `0`, `10`, `10/1`, `10/40/1`. */
  readonly path: string;
  /** Human label, e.g. `CPU element 0`, `Disk 10/40/1`. */
  readonly label: string;
  /** Element number that owns the component (CPU 0..2, I/O 10..13). */
  readonly element: number;
  /** Side of the system (0 or 1; the TMR third CPU element is side 2). */
  readonly side: number;
  /** Id of the redundant partner (mirror half, teamed port, paired adapter), if any. */
  readonly partnerId: string | null;
  /** Id of the enclosing CRU for parts that live inside one (disks, adapters, NICs), else null. */
  readonly parentId: string | null;
  readonly hotSwappable: Figure<boolean>;
  readonly partNumber: string;
  readonly leds: readonly LedSpec[];
  /** Index of the bay or slot within the parent (disks, PCI slots), else 0. */
  readonly slot: number;
}

/** Lockstep redundancy of the CPU elements; `simplex` for the comparison machines (none). */
export type RedundancyMode = 'dmr' | 'tmr' | 'simplex';

/** A configured system in the rack, after validation. */
export interface SystemConfig {
  readonly id: string;
  readonly name: string;
  readonly model: ModelId;
  /** U position of the chassis bottom in the rack (1-based; U1 is the bottom unit). */
  readonly positionU: number;
  readonly mode: RedundancyMode;
  readonly processorsPerElement: number;
  readonly memoryGB: number;
  readonly disks: number;
  readonly pciAdapters: readonly string[];
  /**
   * Conventional servers only: RAID 1 over the first two bays (true) or every disk on its own
   * (false). ftServer disks are always mirrored across the two I/O elements; absent there.
   */
  readonly mirroredDisks?: boolean;
}

/**
 * A two-node failover cluster (comparison racks only): two conventional servers, one of them
 * active, sharing one disk array.
 */
export interface FailoverClusterConfig {
  readonly id: string;
  /** System ids of the two nodes; the first is active at power-on. */
  readonly nodes: readonly [string, string];
  /** System id of the shared disk array. */
  readonly storage: string;
}

export interface RackConfig {
  readonly name: string;
  readonly heightU: number;
  readonly systems: readonly SystemConfig[];
  /** Failover clusters formed by systems of this rack (comparison racks only). */
  readonly clusters?: readonly FailoverClusterConfig[];
}

/** A rack with every component expanded from the catalog. */
export interface RackModel {
  readonly config: RackConfig;
  readonly systems: readonly SystemModel[];
  readonly components: readonly ComponentSpec[];
}

export interface SystemModel {
  readonly config: SystemConfig;
  readonly spec: ModelSpec;
  readonly components: readonly ComponentSpec[];
}
