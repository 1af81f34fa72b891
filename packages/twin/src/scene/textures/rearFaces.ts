/**
 * Procedural textures of the rear faces: drawer rear panels (fans, ports, PCI openings), power
 * supplies, PCI brackets, the embedded Ethernet port, and rack blanking panels. Rear textures are
 * drawn as seen from behind the rack (left = world +x), matching `layout/rear.ts`.
 */
import type { CanvasTexture } from 'three';
import { bezelHeight } from '../layout/front.ts';
import { REAR } from '../layout/rear.ts';
import { PANEL_WIDTH_M, PSU_WIDTH_M, RACK_UNIT_M, uHeight } from '../units.ts';
import {
  Face,
  SANS,
  brush,
  gradientRect,
  makeTexture,
  perforate,
  recess,
  roundRect,
  sideSwatch,
} from './canvas.ts';

const STEEL = ['#3d4147', '#2e3136', '#25282c'];

/** Face x (centre origin) of a distance `u` from the panel's left edge seen from behind. */
const u = (m: number): number => m - REAR.panelW / 2;

function fan(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fillStyle = '#0c0d0f';
  ctx.fill();
  ctx.strokeStyle = '#6a7079';
  ctx.lineWidth = Math.max(1, r * 0.06);
  for (let k = 1; k <= 3; k++) {
    ctx.beginPath();
    ctx.arc(cx, cy, (r * k) / 3.3, 0, Math.PI * 2);
    ctx.stroke();
  }
  for (let a = 0; a < 4; a++) {
    ctx.beginPath();
    ctx.moveTo(
      cx + Math.cos(a * 1.5708 + 0.4) * r * 0.2,
      cy + Math.sin(a * 1.5708 + 0.4) * r * 0.2,
    );
    ctx.lineTo(cx + Math.cos(a * 1.5708 + 0.4) * r, cy + Math.sin(a * 1.5708 + 0.4) * r);
    ctx.stroke();
  }
}

export function rearCpuTexture(heightU: number): CanvasTexture {
  const hM = bezelHeight(heightU);
  const hPx = heightU >= 2 ? 256 : 128;
  return makeTexture(1024, hPx, (ctx) => {
    const face = new Face(ctx, REAR.panelW, hM);
    gradientRect(ctx, 0, 0, 1024, hPx, STEEL);
    const [gx, gy, gw, gh] = face.rect(u(0.08), 0, 0.1, hM - 0.006);
    ctx.fillStyle = '#5d636c';
    ctx.fillRect(gx, gy, gw, gh);
    perforate(ctx, gx + 2, gy + 2, gw - 4, gh - 4, 10, 3.4);
    const r = Math.min(hPx * 0.42, face.sx * 0.034);
    const n = heightU >= 2 ? 2 : 3;
    for (let i = 0; i < n; i++)
      fan(ctx, face.x(u(0.17 + i * (heightU >= 2 ? 0.09 : 0.06))), hPx / 2, r);
    ctx.fillStyle = 'rgba(0,0,0,0.5)';
    ctx.fillRect(0, hPx - 2, 1024, 2);
    sideSwatch(ctx, '#2b2e32');
  });
}

function pciOpening(face: Face, uc: number): void {
  const [x, y, w, h] = face.rect(
    u(uc),
    0,
    REAR.pciW + 0.003,
    Math.min(REAR.pciH, face.hM - 0.006) + 0.003,
  );
  recess(face.ctx, x, y, w, h, '#060607', 2);
}

function connector(
  face: Face,
  uc: number,
  y: number,
  w: number,
  h: number,
  fill: string,
  label: string,
): void {
  const { ctx } = face;
  const [x, yy, rw, rh] = face.rect(u(uc), y, w, h);
  roundRect(ctx, x, yy, rw, rh, 3);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = 'rgba(0,0,0,0.7)';
  ctx.stroke();
  ctx.fillStyle = 'rgba(220,225,232,0.7)';
  ctx.font = `600 ${Math.round(face.sy * 0.0034)}px ${SANS}`;
  ctx.textAlign = 'center';
  ctx.fillText(label, x + rw / 2, yy - 3);
}

export function rearIoTexture(): CanvasTexture {
  const hM = bezelHeight(1);
  return makeTexture(1024, 128, (ctx) => {
    const face = new Face(ctx, REAR.panelW, hM);
    gradientRect(ctx, 0, 0, 1024, 128, STEEL);
    brush(ctx, 0, 0, 1024, 128, 0.04);
    for (let k = 0; k < 2; k++) pciOpening(face, REAR.ioPciU0 + k * REAR.ioPciPitch);
    const [nx, ny, nw, nh] = face.rect(u(REAR.nicU), -0.002, REAR.nicW + 0.003, REAR.nicH + 0.003);
    recess(ctx, nx, ny, nw, nh, '#060607', 2);
    connector(face, 0.168, -0.004, 0.016, 0.013, '#141517', '10/100');
    connector(face, 0.195, -0.004, 0.024, 0.01, '#2a6f86', 'SERIAL');
    connector(face, 0.226, -0.004, 0.024, 0.01, '#2a4d9c', 'VIDEO');
    connector(face, 0.252, 0.001, 0.013, 0.0055, '#0d0e10', 'USB');
    connector(face, 0.252, -0.009, 0.013, 0.0055, '#0d0e10', '');
    connector(face, 0.287, -0.004, 0.036, 0.011, '#1b1c1f', 'SCSI');
    perforate(ctx, face.x(u(0.308)), 8, face.sx * 0.016, 112, 9, 3);
    sideSwatch(ctx, '#2b2e32');
  });
}

export function rearXioTexture(): CanvasTexture {
  const hM = bezelHeight(1);
  return makeTexture(1024, 128, (ctx) => {
    const face = new Face(ctx, REAR.panelW, hM);
    gradientRect(ctx, 0, 0, 1024, 128, STEEL);
    brush(ctx, 0, 0, 1024, 128, 0.04);
    for (let k = 0; k < 3; k++) pciOpening(face, REAR.xioPciU0 + k * REAR.xioPciPitch);
    perforate(ctx, face.x(u(0.2)), 8, face.sx * 0.105, 112, 10, 3.3);
    sideSwatch(ctx, '#2b2e32');
  });
}

export function psuTexture(): CanvasTexture {
  const hM = uHeight(REAR.psuMaxU) - 0.002;
  return makeTexture(256, 256, (ctx) => {
    const face = new Face(ctx, PSU_WIDTH_M, hM);
    gradientRect(ctx, 0, 0, 256, 256, ['#4a4f56', '#383c42', '#2c2f34']);
    brush(ctx, 0, 0, 256, 256, 0.05);
    const [hx, hy, hw, hh] = face.rect(0.036, 0, 0.016, hM - 0.01);
    recess(ctx, hx, hy, hw, hh, '#1d1f22', 4);
    fan(ctx, face.x(0.004), face.y(-0.004), face.sx * 0.028);
    const [ix, iy, iw, ih] = face.rect(-0.036, -0.017, 0.022, 0.017);
    roundRect(ctx, ix, iy, iw, ih, 5);
    ctx.fillStyle = '#0b0b0c';
    ctx.fill();
    ctx.fillStyle = '#8b9098';
    for (const dx of [-0.005, 0, 0.005])
      ctx.fillRect(face.x(-0.036 + dx) - 2, face.y(-0.016) - 6, 4, 12);
    for (let k = 0; k < 2; k++) {
      const [lx, ly, lw, lh] = face.rect(-0.038, hM / 2 - 0.0095 - k * 0.0105, 0.0078, 0.0066);
      recess(ctx, lx, ly, lw, lh, '#050506', 3);
    }
    ctx.fillStyle = 'rgba(0,0,0,0.5)';
    ctx.fillRect(0, 0, 256, 2);
    sideSwatch(ctx, '#55595f');
  });
}

export function psuBlankTexture(): CanvasTexture {
  return makeTexture(256, 256, (ctx) => {
    gradientRect(ctx, 0, 0, 256, 256, STEEL);
    perforate(ctx, 10, 10, 236, 236, 13, 4.2);
    sideSwatch(ctx, '#2b2e32');
  });
}

function bracket(ctx: CanvasRenderingContext2D): void {
  gradientRect(ctx, 0, 0, 128, 96, ['#c9ced5', '#9ba2ab', '#7d848d']);
  brush(ctx, 0, 0, 128, 96, 0.12);
  ctx.fillStyle = '#5e646c';
  ctx.fillRect(0, 0, 6, 96);
}

export function pciTexture(): CanvasTexture {
  return makeTexture(128, 96, (ctx) => {
    const face = new Face(ctx, REAR.pciW, REAR.pciH);
    bracket(ctx);
    for (let k = 0; k < 2; k++) {
      const [lx, ly, lw, lh] = face.rect(-0.016 + k * 0.009, 0.0105, 0.0075, 0.0062);
      recess(ctx, lx, ly, lw, lh, '#050506', 2);
    }
    for (let k = 0; k < 2; k++) {
      const [x, y, w, h] = face.rect(0.004 + k * 0.016, -0.004, 0.013, 0.012);
      recess(ctx, x, y, w, h, '#0a0a0b', 2);
      ctx.fillStyle = '#b8943c';
      ctx.fillRect(x + 3, y + 3, w - 6, 3);
    }
    sideSwatch(ctx, '#7b828a');
  });
}

export function pciBlankTexture(): CanvasTexture {
  return makeTexture(128, 96, (ctx) => {
    bracket(ctx);
    ctx.fillStyle = '#4a5058';
    for (let i = 0; i < 6; i++) {
      roundRect(ctx, 22 + i * 16, 22, 8, 52, 4);
      ctx.fill();
    }
    sideSwatch(ctx, '#7b828a');
  });
}

export function nicTexture(): CanvasTexture {
  return makeTexture(64, 64, (ctx) => {
    ctx.fillStyle = '#16171a';
    ctx.fillRect(0, 0, 64, 64);
    ctx.fillStyle = '#030303';
    ctx.fillRect(8, 14, 48, 40);
    ctx.fillRect(24, 52, 16, 8);
    ctx.fillStyle = '#b8943c';
    for (let i = 0; i < 8; i++) ctx.fillRect(12 + i * 5.2, 16, 2.4, 8);
    sideSwatch(ctx, '#8a9098');
  });
}

export function rackBlankTexture(): CanvasTexture {
  return makeTexture(1024, 96, (ctx) => {
    const face = new Face(ctx, PANEL_WIDTH_M, RACK_UNIT_M);
    gradientRect(ctx, 0, 0, 1024, 96, ['#1f2124', '#17181a', '#111214']);
    ctx.fillStyle = 'rgba(255,255,255,0.08)';
    ctx.fillRect(0, 0, 1024, 2);
    ctx.fillStyle = '#060607';
    for (let i = 0; i < 30; i++) {
      roundRect(ctx, face.x(-0.19) + i * 26.5, 30, 18, 36, 6);
      ctx.fill();
    }
    for (const side of [-1, 1]) {
      ctx.beginPath();
      ctx.arc(face.x(side * 0.2335), 48, 9, 0, Math.PI * 2);
      ctx.fillStyle = '#4b4f55';
      ctx.fill();
      ctx.fillStyle = '#1a1b1d';
      ctx.fillRect(face.x(side * 0.2335) - 6, 46, 12, 4);
    }
    sideSwatch(ctx, '#141517');
  });
}
