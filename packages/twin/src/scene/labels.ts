/**
 * All labels of the rack as one instanced mesh of quads over a generated atlas; each instance
 * carries its atlas rect in an instanced attribute, read by a small patch of the standard shader.
 */
import { InstancedBufferAttribute, MeshStandardMaterial } from 'three';
import { PartBatch } from './batch.ts';
import { quadGeometry } from './geometry.ts';
import type { LabelPlacement } from './layout/types.ts';
import { type LabelAtlas, buildLabelAtlas } from './textures/labelAtlas.ts';

export class LabelLayer {
  readonly batch: PartBatch;
  readonly atlas: LabelAtlas;
  readonly material: MeshStandardMaterial;

  constructor(labels: readonly LabelPlacement[]) {
    this.atlas = buildLabelAtlas(labels);
    this.material = new MeshStandardMaterial({
      map: this.atlas.texture,
      emissiveMap: this.atlas.texture,
      emissive: '#ffffff',
      emissiveIntensity: 0.28,
      transparent: true,
      depthWrite: false,
      metalness: 0.3,
      roughness: 0.45,
      polygonOffset: true,
      polygonOffsetFactor: -2,
    });
    this.material.onBeforeCompile = (shader) => {
      shader.vertexShader = shader.vertexShader
        .replace('#include <common>', '#include <common>\nattribute vec4 uvRect;')
        .replace(
          '#include <uv_vertex>',
          '#include <uv_vertex>\n\tvMapUv = uvRect.xy + vMapUv * uvRect.zw;\n\tvEmissiveMapUv = vMapUv;',
        );
    };
    this.material.customProgramCacheKey = () => 'ftLabelAtlas';
    const specs = labels.map((l) => {
      const e = this.atlas.get(l.text, l.style);
      return {
        owner: l.owner,
        system: 0,
        x: l.x,
        y: l.y,
        z: l.z,
        sx: l.height * e.aspect,
        sy: l.height,
        sz: 1,
        rear: l.rear,
      };
    });
    const geometry = quadGeometry();
    const rects = new Float32Array(labels.length * 4);
    labels.forEach((l, i) => {
      rects.set(this.atlas.get(l.text, l.style).uv, i * 4);
    });
    geometry.setAttribute('uvRect', new InstancedBufferAttribute(rects, 4));
    this.batch = new PartBatch('labels', geometry, this.material, specs, false);
    this.batch.mesh.renderOrder = 1;
  }

  dispose(): void {
    this.atlas.texture.dispose();
    this.material.dispose();
    this.batch.mesh.geometry.dispose();
  }
}
