/**
 * Materials of every instanced part type, with their procedural textures. Made once per page and
 * shared by every rack the page loads (the textures do not depend on the rack).
 */
import { type Material, MeshLambertMaterial, MeshStandardMaterial, type Texture } from 'three';
import type { PartType } from './layout/types.ts';
import type { Quality } from './quality.ts';
import {
  bayBlankTexture,
  drawerTopTexture,
  cdromTexture,
  cpuBezelTexture,
  diskBlankTexture,
  diskTexture,
  ioBezelTexture,
  xioBezelTexture,
} from './textures/frontFaces.ts';
import {
  nicTexture,
  pciBlankTexture,
  pciTexture,
  psuBlankTexture,
  psuTexture,
  rackBlankTexture,
  rearCpuTexture,
  rearIoTexture,
  rearXioTexture,
} from './textures/rearFaces.ts';

interface Finish {
  map?: () => Texture;
  color?: string;
  metalness: number;
  roughness: number;
}

const FINISH: Record<PartType, Finish> = {
  chassis: { color: '#2a2d31', metalness: 0.55, roughness: 0.55 },
  ear: { color: '#4a4f56', metalness: 0.7, roughness: 0.4 },
  bayRecess: { color: '#060607', metalness: 0, roughness: 1 },
  bezelCpu1: { map: () => cpuBezelTexture(1), metalness: 0.55, roughness: 0.42 },
  bezelCpu2: { map: () => cpuBezelTexture(2), metalness: 0.55, roughness: 0.42 },
  bezelIo: { map: ioBezelTexture, metalness: 0.55, roughness: 0.42 },
  bezelXio: { map: xioBezelTexture, metalness: 0.55, roughness: 0.42 },
  bayBlank: { map: bayBlankTexture, metalness: 0.5, roughness: 0.5 },
  drawer: { map: drawerTopTexture, metalness: 0.6, roughness: 0.45 },
  handle: { color: '#c8ced6', metalness: 0.95, roughness: 0.22 },
  disk: { map: diskTexture, metalness: 0.5, roughness: 0.45 },
  diskBlank: { map: diskBlankTexture, metalness: 0.4, roughness: 0.55 },
  cdrom: { map: cdromTexture, metalness: 0.2, roughness: 0.5 },
  rearCpu: { map: () => rearCpuTexture(1), metalness: 0.6, roughness: 0.45 },
  rearCpu2: { map: () => rearCpuTexture(2), metalness: 0.6, roughness: 0.45 },
  rearIo: { map: rearIoTexture, metalness: 0.6, roughness: 0.45 },
  rearXio: { map: rearXioTexture, metalness: 0.6, roughness: 0.45 },
  psu: { map: psuTexture, metalness: 0.65, roughness: 0.4 },
  psuBlank: { map: psuBlankTexture, metalness: 0.6, roughness: 0.45 },
  pci: { map: pciTexture, metalness: 0.85, roughness: 0.3 },
  pciBlank: { map: pciBlankTexture, metalness: 0.85, roughness: 0.3 },
  nic: { map: nicTexture, metalness: 0.3, roughness: 0.5 },
  rackBlank: { map: rackBlankTexture, metalness: 0.4, roughness: 0.6 },
};

let cache: Record<PartType, Material> | null = null;

/** The material of each part type (created on first use, in the browser). */
export function partMaterials(quality: Quality): Record<PartType, Material> {
  if (cache) return cache;
  const out = {} as Record<PartType, Material>;
  for (const [type, f] of Object.entries(FINISH) as [PartType, Finish][]) {
    const color = f.map ? '#ffffff' : f.color;
    const map = f.map ? f.map() : null;
    out[type] =
      quality === 'high'
        ? new MeshStandardMaterial({ color, map, metalness: f.metalness, roughness: f.roughness })
        : new MeshLambertMaterial({ color, map });
  }
  cache = out;
  return out;
}
