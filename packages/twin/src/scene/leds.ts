/**
 * Every LED of the rack as one instanced mesh of lenses plus one of glow rings. Colours are
 * written straight into `instanceColor` from the snapshot's LED words in the frame loop, only when
 * an LED changes between lit and dark.
 */
import {
  AdditiveBlending,
  CanvasTexture,
  Color,
  InstancedBufferAttribute,
  MeshBasicMaterial,
} from 'three';
import { PartBatch } from './batch.ts';
import { LED_LIT, ledLit } from './ledDrive.ts';
import { ledGeometry, quadGeometry } from './geometry.ts';
import type { LedPlacement } from './layout/types.ts';

const DARK_MIX = 0.07;
const DARK_BASE = new Color('#0d0f10');
const GLOW_SIZE_M = 0.0105;
const GLOW_STRENGTH = 0.55;

function glowTexture(): CanvasTexture {
  const c = document.createElement('canvas');
  c.width = c.height = 128;
  const ctx = c.getContext('2d')!;
  const g = ctx.createRadialGradient(64, 64, 0, 64, 64, 64);
  g.addColorStop(0, 'rgba(255,255,255,0)');
  g.addColorStop(0.52, 'rgba(255,255,255,0)');
  g.addColorStop(0.58, 'rgba(255,255,255,0.8)');
  g.addColorStop(0.75, 'rgba(255,255,255,0.28)');
  g.addColorStop(1, 'rgba(255,255,255,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 128, 128);
  return new CanvasTexture(c);
}

export class LedLayer {
  readonly lenses: PartBatch;
  readonly glows: PartBatch;
  readonly owner: Int32Array;
  readonly led: Uint8Array;
  /** First LED instance of each component (-1 when it has none). */
  readonly first: Int32Array;
  private readonly lit: Float32Array;
  private readonly dark: Float32Array;
  private readonly state: Int8Array;

  constructor(leds: readonly LedPlacement[], components: number) {
    const n = leds.length;
    const lens = new MeshBasicMaterial({ toneMapped: false });
    this.lenses = new PartBatch(
      'leds',
      ledGeometry(),
      lens,
      leds.map((l) => ({
        owner: l.owner,
        system: 0,
        x: l.x,
        y: l.y,
        z: l.z,
        sx: 1,
        sy: 1,
        sz: 1,
        rear: l.rear,
      })),
      true,
    );
    const glow = new MeshBasicMaterial({
      map: glowTexture(),
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
      toneMapped: false,
    });
    this.glows = new PartBatch(
      'ledGlows',
      quadGeometry(),
      glow,
      leds.map((l) => ({
        owner: l.owner,
        system: 0,
        x: l.x,
        y: l.y,
        z: l.z + (l.rear ? -0.0012 : 0.0012),
        sx: GLOW_SIZE_M,
        sy: GLOW_SIZE_M,
        sz: 1,
        rear: l.rear,
      })),
      false,
    );
    this.glows.mesh.renderOrder = 2;
    this.owner = new Int32Array(n);
    this.led = new Uint8Array(n);
    this.first = new Int32Array(components).fill(-1);
    this.lit = new Float32Array(n * 3);
    this.dark = new Float32Array(n * 3);
    this.state = new Int8Array(n).fill(-1);
    const c = new Color();
    leds.forEach((l, k) => {
      this.owner[k] = l.owner;
      this.led[k] = l.led;
      if (this.first[l.owner] < 0) this.first[l.owner] = k;
      c.set(LED_LIT[l.color]);
      c.toArray(this.lit, k * 3);
      c.lerp(DARK_BASE, 1 - DARK_MIX).toArray(this.dark, k * 3);
    });
    this.lenses.mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(n * 3), 3);
    this.glows.mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(n * 3), 3);
  }

  /** Updates lit/dark colours from the LED words; `words` null means everything dark. */
  /** Recolours LEDs whose lit state changed (blinking by `tS`); true when any did. */
  update(words: Uint32Array | null, tS: number): boolean {
    const lensColor = this.lenses.mesh.instanceColor!;
    const glowColor = this.glows.mesh.instanceColor!;
    const lc = lensColor.array as Float32Array;
    const gc = glowColor.array as Float32Array;
    let changed = false;
    for (let k = 0; k < this.owner.length; k++) {
      const word = words ? words[this.owner[k]] : 0;
      const on = ledLit((word >>> (this.led[k] * 2)) & 3, tS) ? 1 : 0;
      if (on === this.state[k]) continue;
      this.state[k] = on;
      changed = true;
      const src = on ? this.lit : this.dark;
      const o = k * 3;
      lc[o] = src[o];
      lc[o + 1] = src[o + 1];
      lc[o + 2] = src[o + 2];
      const g = on ? GLOW_STRENGTH : 0;
      gc[o] = this.lit[o] * g;
      gc[o + 1] = this.lit[o + 1] * g;
      gc[o + 2] = this.lit[o + 2] * g;
    }
    if (changed) {
      lensColor.needsUpdate = true;
      glowColor.needsUpdate = true;
    }
    return changed;
  }
}
