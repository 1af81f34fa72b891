/**
 * Redfish-style JSON for a component: the DMTF resource type that fits its kind, with
 * Status.State and Status.Health derived from the ftServer operational state.
 */
import { type ComponentInfo, Health, OpState } from './types.ts';

const STATE: Record<OpState, string> = {
  [OpState.Unknown]: 'Disabled',
  [OpState.Empty]: 'Absent',
  [OpState.Removed]: 'Absent',
  [OpState.Shot]: 'UnavailableOffline',
  [OpState.Broken]: 'UnavailableOffline',
  [OpState.Dumping]: 'Quiesced',
  [OpState.Diagnostics]: 'InTest',
  [OpState.DiagnosticsPassed]: 'InTest',
  [OpState.Initializing]: 'Starting',
  [OpState.FirmwareUpdate]: 'Updating',
  [OpState.FirmwareUpdateComplete]: 'Updating',
  [OpState.Offline]: 'StandbyOffline',
  [OpState.Stopped]: 'StandbyOffline',
  [OpState.DeviceReady]: 'Enabled',
  [OpState.Simplex]: 'Enabled',
  [OpState.Duplex]: 'Enabled',
  [OpState.Triplex]: 'Enabled',
};

const HEALTH: Record<Health, string | null> = {
  [Health.Ok]: 'OK',
  [Health.Warning]: 'Warning',
  [Health.Critical]: 'Critical',
  [Health.Unknown]: null,
};

const TYPES: Record<string, [string, string]> = {
  cpu: ['#Processor.v1_18_0.Processor', 'Processors'],
  io: ['#PCIeDevice.v1_11_0.PCIeDevice', 'PCIeDevices'],
  xio: ['#PCIeDevice.v1_11_0.PCIeDevice', 'PCIeDevices'],
  disk: ['#Drive.v1_17_0.Drive', 'Drives'],
  pci: ['#PCIeDevice.v1_11_0.PCIeDevice', 'PCIeDevices'],
  nic: ['#Port.v1_9_0.Port', 'Ports'],
  psu: ['#PowerSupply.v1_5_1.PowerSupply', 'PowerSupplies'],
};

export interface RedfishExtras {
  partNumber: string;
  serialNumber: string;
  firmwareVersion: string;
  model: string;
}

export function toRedfish(info: ComponentInfo, extras: RedfishExtras): Record<string, unknown> {
  const [type, collection] = TYPES[info.kind] ?? ['#Resource.v1_0_0.Resource', 'Resources'];
  const localId = info.id.slice(info.systemId.length + 1);
  return {
    '@odata.id': `/redfish/v1/Chassis/${info.systemId}/${collection}/${localId}`,
    '@odata.type': type,
    Id: localId,
    Name: info.label,
    Description: `ftSMC path ${info.path}`,
    Model: extras.model,
    PartNumber: extras.partNumber,
    SerialNumber: extras.serialNumber,
    FirmwareVersion: extras.firmwareVersion,
    Status: { State: STATE[info.state], Health: HEALTH[info.health] },
    Oem: {
      Stratus: {
        OpState: info.stateName,
        Reason: info.reason,
        SafeToPull: info.safeToPull,
        FaultCount: info.faultCount,
        MtbfSeconds: info.mtbfS,
        RestartPolicy: info.restartPolicy,
      },
    },
  };
}
