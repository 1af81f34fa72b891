/**
 * `@ft/hardware`: the catalog of ftServer models, their assemblies, parts and LEDs, the rack and
 * its presets, and the configuration parser; plus the machines the ftServer is compared with
 * (conventional servers, the disk array of a failover cluster) and the equivalent racks. Pure
 * data and types; no DOM, no randomness.
 */
export type * from './types.ts';
export { ConfigError } from './errors.ts';
export { assumed, sourced } from './figure.ts';
export { LEDS, ledIndex } from './leds.ts';
export {
  CORE_IO_ELEMENTS,
  CPU_ELEMENTS,
  EXPANSION_IO_ELEMENTS,
  MODELS,
  MODEL_IDS,
  isModelId,
  layoutFor,
  pciSlotsPerSide,
} from './models.ts';
export { DEFAULT_DISK_ID, DISKS, PCI_ADAPTERS, PCI_ADAPTER_IDS } from './parts.ts';
export { DISK_BUS, EMBEDDED_NIC_SLOT, buildRack, expandSystem } from './expand.ts';
export { defaultSystem, defaultSystemName } from './defaults.ts';
export { PRESETS, PRESET_NAMES, RACK_HEIGHT_U, getPreset, presetNames } from './racks.ts';
export {
  DEFAULT_RACK_NAME,
  MAX_CONFIG_CHARS,
  MAX_RACK_HEIGHT_U,
  type ParseOptions,
  SYSTEM_ID_PATTERN,
  parseRackConfig,
  rackConfigFromValue,
  rackConfigToJson,
} from './config.ts';
export { SHOWN_MAX_CHARS, describeValue, escapeUnsafe, safeText, shown } from './shown.ts';
export { issuePath } from './configSchema.ts';
export {
  COMPARISON_HOT_SWAP,
  COMPARISON_MODELS,
  COMPARISON_MODEL_IDS,
  isComparisonModelId,
  isConventionalModelId,
} from './comparisonModels.ts';
export { expandComparisonSystem } from './comparisonExpand.ts';
export {
  COMPARISON_PRESETS,
  COMPARISON_PRESET_NAMES,
  type ClusterSystemIds,
  clusterEquivalent,
  clusterSystemIds,
  conventionalEquivalent,
  conventionalModelFor,
  getComparisonPreset,
} from './comparisonRacks.ts';
