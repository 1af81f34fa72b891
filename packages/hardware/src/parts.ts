/**
 * Field-replaceable parts that are not whole assemblies: PCI adapters and disks.
 *
 * Adapter kinds are sourced (duplicated SCSI, Ethernet, remote management and Fibre Channel
 * adapters); part numbers are placeholders in Stratus' `AA-` style, not real part numbers.
 */
import { assumed } from './figure.ts';
import type { DiskSpec, PciAdapterSpec } from './types.ts';

const PLACEHOLDER = 'placeholder, not a real Stratus part number';

/**
 * PCI adapters that a system configuration may list in `pciAdapters`, by id.
 *
 * @example
 * PCI_ADAPTERS.gige.name; // 'Gigabit Ethernet'
 */
export const PCI_ADAPTERS: Readonly<Record<string, PciAdapterSpec>> = {
  gige: {
    id: 'gige',
    name: 'Gigabit Ethernet',
    kind: 'ethernet',
    partNumber: assumed('AA-U58010', PLACEHOLDER),
  },
  fe: {
    id: 'fe',
    name: '10/100 Ethernet',
    kind: 'ethernet',
    partNumber: assumed('AA-U51010', PLACEHOLDER),
  },
  scsi: {
    id: 'scsi',
    name: 'Ultra320 SCSI',
    kind: 'scsi',
    partNumber: assumed('AA-U53020', PLACEHOLDER),
  },
  fc: {
    id: 'fc',
    name: 'Fibre Channel',
    kind: 'fibre-channel',
    partNumber: assumed('AA-U57010', PLACEHOLDER),
  },
  rmc: {
    id: 'rmc',
    name: 'Remote management',
    kind: 'remote-management',
    partNumber: assumed('AA-U59010', PLACEHOLDER),
  },
};

/** Ids of {@link PCI_ADAPTERS}, in catalog order. */
export const PCI_ADAPTER_IDS: readonly string[] = Object.keys(PCI_ADAPTERS);

/**
 * Hot-plug disks for the core I/O bays, by id. Capacities are assumed period Ultra320 SCSI sizes.
 */
export const DISKS: Readonly<Record<string, DiskSpec>> = {
  'u320-36': {
    id: 'u320-36',
    name: '36 GB Ultra320 SCSI disk',
    capacityGB: assumed(36, 'typical Ultra320 SCSI size of 2004'),
    partNumber: assumed('AA-D83600', PLACEHOLDER),
  },
  'u320-73': {
    id: 'u320-73',
    name: '73 GB Ultra320 SCSI disk',
    capacityGB: assumed(73, 'typical Ultra320 SCSI size of 2004'),
    partNumber: assumed('AA-D87300', PLACEHOLDER),
  },
};

/** The disk every configured bay holds (configurations do not choose a disk yet). */
export const DEFAULT_DISK_ID = 'u320-73';
