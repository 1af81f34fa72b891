/**
 * Expands a comparison machine (conventional server or shared disk array) into components with
 * the same ids, kinds and paths the ftServer uses (`cpu-0`, `io-10`, `disk-10-40-1`, ...), so the
 * scene draws it with the same assemblies and the engine's snapshot layout fits it.
 *
 * A conventional server has one side only (element 0, I/O element 10, expansion 12, one power
 * supply); its disks are mirrored within the one I/O element when `mirroredDisks` is set. The
 * disk array has two controllers (`io-10`, `io-11`), each disk mirrored across them as on an
 * ftServer, and two power supplies.
 */
import { COMPARISON_HOT_SWAP, isConventionalModelId } from './comparisonModels.ts';
import { DISK_BUS, EMBEDDED_NIC_SLOT } from './devicePaths.ts';
import { LEDS } from './leds.ts';
import { MODELS } from './models.ts';
import { DEFAULT_DISK_ID, DISKS, PCI_ADAPTERS } from './parts.ts';
import type { ComponentKind, ComponentSpec, SystemConfig, SystemModel } from './types.ts';

interface PartDraft {
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

const diskId = (element: number, bay: number) => `disk-${element}-${DISK_BUS}-${bay}`;

function disk(element: number, side: number, bay: number, partner: string | null): PartDraft {
  return {
    localId: diskId(element, bay),
    kind: 'disk',
    path: `${element}/${DISK_BUS}/${bay}`,
    label: `Disk ${element}/${DISK_BUS}/${bay}`,
    element,
    side,
    partnerLocalId: partner,
    parentLocalId: `io-${element}`,
    partNumber: DISKS[DEFAULT_DISK_ID].partNumber.value,
    slot: bay,
  };
}

function serverParts(sys: SystemConfig): PartDraft[] {
  const spec = MODELS[sys.model];
  const part = (
    localId: string,
    kind: ComponentKind,
    path: string,
    label: string,
    element: number,
    partNumber: string,
  ): PartDraft => ({
    localId,
    kind,
    path,
    label,
    element,
    side: 0,
    partnerLocalId: null,
    parentLocalId: null,
    partNumber,
    slot: 0,
  });
  const parts: PartDraft[] = [
    part('cpu-0', 'cpu', '0', 'CPU-memory unit 0', 0, spec.cpu.partNumber.value),
    part('io-10', 'io', '10', 'I/O board 10', 10, spec.coreIo.partNumber.value),
  ];
  const riser = spec.expansionIo;
  if (riser) parts.push(part('xio-12', 'xio', '12', 'PCI riser 12', 12, riser.partNumber.value));
  parts.push(part('psu-0', 'psu', 'PS0', 'Power supply 0', 0, spec.psu.partNumber.value));
  const mirrored = sys.mirroredDisks !== false && sys.disks === 2;
  for (let bay = 1; bay <= sys.disks; bay++) {
    const partner = mirrored ? diskId(10, bay === 1 ? 2 : 1) : null;
    parts.push(disk(10, 0, bay, partner));
  }
  const coreSlots = spec.coreIo.pciSlots.value;
  sys.pciAdapters.forEach((adapterId, i) => {
    const onRiser = i >= coreSlots;
    const element = onRiser ? 12 : 10;
    const slot = onRiser ? i - coreSlots + 1 : i + 1;
    const adapter = PCI_ADAPTERS[adapterId];
    parts.push({
      ...part(
        `pci-${element}-${slot}`,
        'pci',
        `${element}/${slot}`,
        `PCI ${element}/${slot} (${adapter.name})`,
        element,
        adapter.partNumber.value,
      ),
      parentLocalId: onRiser ? 'xio-12' : 'io-10',
      slot,
    });
  });
  parts.push({
    ...part(
      `nic-10-${EMBEDDED_NIC_SLOT}`,
      'nic',
      `10/${EMBEDDED_NIC_SLOT}`,
      `NIC 10/${EMBEDDED_NIC_SLOT}`,
      10,
      spec.coreIo.partNumber.value,
    ),
    parentLocalId: 'io-10',
    slot: EMBEDDED_NIC_SLOT,
  });
  return parts;
}

function arrayParts(sys: SystemConfig): PartDraft[] {
  const spec = MODELS[sys.model];
  const sides = [10, 11] as const;
  const parts: PartDraft[] = sides.map((element, side) => ({
    localId: `io-${element}`,
    kind: 'io',
    path: String(element),
    label: `Array controller ${element}`,
    element,
    side,
    partnerLocalId: `io-${sides[1 - side]}`,
    parentLocalId: null,
    partNumber: spec.coreIo.partNumber.value,
    slot: 0,
  }));
  for (const side of [0, 1]) {
    parts.push({
      localId: `psu-${side}`,
      kind: 'psu',
      path: `PS${side}`,
      label: `Power supply ${side}`,
      element: side,
      side,
      partnerLocalId: `psu-${1 - side}`,
      parentLocalId: null,
      partNumber: spec.psu.partNumber.value,
      slot: 0,
    });
  }
  sides.forEach((element, side) => {
    for (let bay = 1; bay <= sys.disks; bay++) {
      parts.push(disk(element, side, bay, diskId(sides[1 - side], bay)));
    }
  });
  return parts;
}

/**
 * Expands one validated comparison system into its components, in the engine's kind order
 * (cpu, io, xio, psu, disk, pci, nic).
 *
 * @example
 * expandComparisonSystem(defaultSystem('A', 'conventional', 1)).components.map((c) => c.localId);
 * // ['cpu-0', 'io-10', 'psu-0', 'disk-10-40-1', 'disk-10-40-2', 'nic-10-5']
 */
export function expandComparisonSystem(config: SystemConfig): SystemModel {
  const spec = MODELS[config.model];
  const server = isConventionalModelId(config.model);
  const drafts = server ? serverParts(config) : arrayParts(config);
  const hotSwap = COMPARISON_HOT_SWAP[server ? 'server' : 'array'];
  const qualify = (local: string | null) => (local === null ? null : `${config.id}.${local}`);
  const components: ComponentSpec[] = drafts.map((p) => ({
    id: `${config.id}.${p.localId}`,
    localId: p.localId,
    kind: p.kind,
    systemId: config.id,
    path: p.path,
    label: p.label,
    element: p.element,
    side: p.side,
    partnerId: qualify(p.partnerLocalId),
    parentId: qualify(p.parentLocalId),
    hotSwappable: hotSwap[p.kind],
    partNumber: p.partNumber,
    leds: LEDS[p.kind],
    slot: p.slot,
  }));
  return { config, spec, components };
}
