/**
 * Expands a validated rack configuration into every component the engine and the UI track.
 *
 * Ids are `${systemId}.${localId}`; the order is deterministic (system by system, then cpu, io,
 * xio, psu, disk, pci, nic) because the engine indexes its typed arrays by this order.
 */
import { expandComparisonSystem } from './comparisonExpand.ts';
import { isComparisonModelId } from './comparisonModels.ts';
import { DISK_BUS, EMBEDDED_NIC_SLOT } from './devicePaths.ts';
import { assumed, sourced } from './figure.ts';
import { LEDS } from './leds.ts';
import { CORE_IO_ELEMENTS, EXPANSION_IO_ELEMENTS, MODELS, layoutFor } from './models.ts';
import { DEFAULT_DISK_ID, DISKS, PCI_ADAPTERS } from './parts.ts';
import type {
  ComponentKind,
  ComponentSpec,
  Figure,
  ModelSpec,
  RackConfig,
  RackModel,
  SystemConfig,
  SystemModel,
} from './types.ts';

export { DISK_BUS, EMBEDDED_NIC_SLOT };

const HOT_SWAP: Readonly<Record<ComponentKind, Figure<boolean>>> = {
  cpu: sourced(true, 'CRUs are swapped while the system runs'),
  io: sourced(true, 'CRUs are swapped while the system runs'),
  xio: sourced(true, 'CRUs are swapped while the system runs'),
  disk: sourced(true, 'hot-plug disks'),
  psu: assumed(true, 'redundant supplies, one per side'),
  pci: assumed(true, 'hot-plug PCI'),
  nic: assumed(false, 'embedded in the core I/O element; replaced with it'),
};

interface Part {
  localId: string;
  kind: ComponentKind;
  path: string;
  label: string;
  element: number;
  side: number;
  partnerLocalId: string | null;
  parentLocalId: string | null;
  partNumber: string;
  slot: number;
}

const other = (pair: readonly [number, number], e: number): number =>
  e === pair[0] ? pair[1] : pair[0];

function cpuParts(spec: ModelSpec, sys: SystemConfig): Part[] {
  const elements = layoutFor(spec, sys.mode).filter((s) => s.kind === 'cpu');
  return elements.map(({ element }) => ({
    localId: `cpu-${element}`,
    kind: 'cpu',
    path: String(element),
    label: `CPU element ${element}`,
    element,
    side: element,
    partnerLocalId: element < 2 ? `cpu-${1 - element}` : null,
    parentLocalId: null,
    partNumber: spec.cpu.partNumber.value,
    slot: 0,
  }));
}

function ioParts(spec: ModelSpec): Part[] {
  const parts: Part[] = CORE_IO_ELEMENTS.map((element, side) => ({
    localId: `io-${element}`,
    kind: 'io',
    path: String(element),
    label: `I/O element ${element}`,
    element,
    side,
    partnerLocalId: `io-${other(CORE_IO_ELEMENTS, element)}`,
    parentLocalId: null,
    partNumber: spec.coreIo.partNumber.value,
    slot: 0,
  }));
  const xio = spec.expansionIo;
  if (xio) {
    EXPANSION_IO_ELEMENTS.forEach((element, side) => {
      parts.push({
        localId: `xio-${element}`,
        kind: 'xio',
        path: String(element),
        label: `Expansion I/O ${element}`,
        element,
        side,
        partnerLocalId: `xio-${other(EXPANSION_IO_ELEMENTS, element)}`,
        parentLocalId: null,
        partNumber: xio.partNumber.value,
        slot: 0,
      });
    });
  }
  return parts;
}

/** One supply per side; the TMR third CPU element gets its own [assumed]. Path `PS<side>`. */
function psuParts(spec: ModelSpec, sys: SystemConfig): Part[] {
  const sides = sys.mode === 'tmr' ? [0, 1, 2] : [0, 1];
  return sides.map((side) => ({
    localId: `psu-${side}`,
    kind: 'psu',
    path: `PS${side}`,
    label: `Power supply ${side}`,
    element: side,
    side,
    partnerLocalId: side < 2 ? `psu-${1 - side}` : null,
    parentLocalId: null,
    partNumber: spec.psu.partNumber.value,
    slot: 0,
  }));
}

function diskParts(sys: SystemConfig): Part[] {
  const partNumber = DISKS[DEFAULT_DISK_ID].partNumber.value;
  return CORE_IO_ELEMENTS.flatMap((element, side) =>
    Array.from({ length: sys.disks }, (_, i): Part => {
      const bay = i + 1;
      return {
        localId: `disk-${element}-${DISK_BUS}-${bay}`,
        kind: 'disk',
        path: `${element}/${DISK_BUS}/${bay}`,
        label: `Disk ${element}/${DISK_BUS}/${bay}`,
        element,
        side,
        partnerLocalId: `disk-${other(CORE_IO_ELEMENTS, element)}-${DISK_BUS}-${bay}`,
        parentLocalId: `io-${element}`,
        partNumber,
        slot: bay,
      };
    }),
  );
}

/**
 * Adapters in `pciAdapters` fill the core I/O slots, then the expansion I/O slots; each adapter is
 * installed on both sides (duplicated adapters) and partnered with its twin.
 */
function pciParts(spec: ModelSpec, sys: SystemConfig): Part[] {
  const coreSlots = spec.coreIo.pciSlots.value;
  const buses = [
    { parent: 'io', pair: CORE_IO_ELEMENTS, adapters: sys.pciAdapters.slice(0, coreSlots) },
    { parent: 'xio', pair: EXPANSION_IO_ELEMENTS, adapters: sys.pciAdapters.slice(coreSlots) },
  ] as const;
  return buses.flatMap(({ parent, pair, adapters }) =>
    pair.flatMap((element, side) =>
      adapters.map((adapterId, i): Part => {
        const slot = i + 1;
        const adapter = PCI_ADAPTERS[adapterId];
        return {
          localId: `pci-${element}-${slot}`,
          kind: 'pci',
          path: `${element}/${slot}`,
          label: `PCI ${element}/${slot} (${adapter.name})`,
          element,
          side,
          partnerLocalId: `pci-${other(pair, element)}-${slot}`,
          parentLocalId: `${parent}-${element}`,
          partNumber: adapter.partNumber.value,
          slot,
        };
      }),
    ),
  );
}

function nicParts(spec: ModelSpec): Part[] {
  return CORE_IO_ELEMENTS.map((element, side) => ({
    localId: `nic-${element}-${EMBEDDED_NIC_SLOT}`,
    kind: 'nic',
    path: `${element}/${EMBEDDED_NIC_SLOT}`,
    label: `NIC ${element}/${EMBEDDED_NIC_SLOT}`,
    element,
    side,
    partnerLocalId: `nic-${other(CORE_IO_ELEMENTS, element)}-${EMBEDDED_NIC_SLOT}`,
    parentLocalId: `io-${element}`,
    partNumber: spec.coreIo.partNumber.value,
    slot: EMBEDDED_NIC_SLOT,
  }));
}

function toSpec(sys: SystemConfig, p: Part): ComponentSpec {
  const qualify = (local: string | null) => (local === null ? null : `${sys.id}.${local}`);
  return {
    id: `${sys.id}.${p.localId}`,
    localId: p.localId,
    kind: p.kind,
    systemId: sys.id,
    path: p.path,
    label: p.label,
    element: p.element,
    side: p.side,
    partnerId: qualify(p.partnerLocalId),
    parentId: qualify(p.parentLocalId),
    hotSwappable: HOT_SWAP[p.kind],
    partNumber: p.partNumber,
    leds: LEDS[p.kind],
    slot: p.slot,
  };
}

/**
 * Expands one validated system into its components, in the engine's order.
 *
 * @example
 * expandSystem({ id: 'A', name: 'ft4300-A', model: '4300', positionU: 1, mode: 'dmr',
 *   processorsPerElement: 2, memoryGB: 4, disks: 3, pciAdapters: [] }).components.length; // 16
 */
export function expandSystem(config: SystemConfig): SystemModel {
  if (isComparisonModelId(config.model)) return expandComparisonSystem(config);
  const spec = MODELS[config.model];
  const parts = [
    ...cpuParts(spec, config),
    ...ioParts(spec),
    ...psuParts(spec, config),
    ...diskParts(config),
    ...pciParts(spec, config),
    ...nicParts(spec),
  ];
  return { config, spec, components: parts.map((p) => toSpec(config, p)) };
}

/**
 * Expands every system of a validated rack configuration (see `parseRackConfig`) into
 * {@link ComponentSpec}s: system by system, then cpu, io, xio, psu, disk, pci, nic.
 *
 * @example
 * const rack = buildRack(getPreset('4300-dmr'));
 * rack.components.map((c) => c.id); // ['A.cpu-0', 'A.cpu-1', 'A.io-10', ...]
 */
export function buildRack(config: RackConfig): RackModel {
  const systems = config.systems.map(expandSystem);
  return { config, systems, components: systems.flatMap((s) => s.components) };
}
