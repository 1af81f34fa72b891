/**
 * Procedural textures of the front faces: CPU, core I/O and expansion I/O bezels, blank bay
 * covers, disk carriers and the CD-ROM. Features line up with the 3D parts placed by
 * `layout/front.ts` (same FRONT constants), so LEDs sit in their recesses.
 */
import { LEDS } from '@ft/hardware';
import type { CanvasTexture } from 'three';
import { FRONT, bezelHeight } from '../layout/front.ts';
import { BEZEL_WIDTH_M, RACK_UNIT_M, uHeight } from '../units.ts';
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

const GRAPHITE = ['#474c53', '#34383e', '#2a2d32', '#202327'];
const SIDE = '#2a2d31';

/** Body shared by every bezel: graphite gradient, brushed, bevel lines, handle recesses. */
function bezelBase(face: Face): void {
  const { ctx } = face;
  const { width: w, height: h } = ctx.canvas;
  gradientRect(ctx, 0, 0, w, h, GRAPHITE);
  brush(ctx, 0, 0, w, h, 0.05);
  ctx.fillStyle = 'rgba(255,255,255,0.22)';
  ctx.fillRect(0, 0, w, 2);
  ctx.fillStyle = 'rgba(0,0,0,0.5)';
  ctx.fillRect(0, h - 2, w, 2);
  for (const side of [-1, 1]) {
    const [x, y, rw, rh] = face.rect(side * FRONT.handleX, 0, 0.02, face.hM - 0.004);
    roundRect(ctx, x, y, rw, rh, 4);
    ctx.fillStyle = 'rgba(0,0,0,0.35)';
    ctx.fill();
  }
}

function grille(face: Face, x0: number, x1: number, y0: number, y1: number): void {
  const { ctx } = face;
  const [x, y, w, h] = face.rect((x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0);
  roundRect(ctx, x, y, w, h, 3);
  ctx.fillStyle = '#5b616a';
  ctx.fill();
  brush(ctx, x, y, w, h, 0.08);
  perforate(ctx, x + 2, y + 2, w - 4, h - 4, face.sx * 0.0034, face.sx * 0.0012);
  ctx.strokeStyle = 'rgba(0,0,0,0.55)';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x, y, w, h);
}

function ledRecesses(face: Face, count: number, x0: number, y: number): void {
  for (let i = 0; i < count; i++) {
    const [x, yy, w, h] = face.rect(x0 + i * FRONT.ledPitch, y, 0.0078, 0.0066);
    recess(face.ctx, x, yy, w, h, '#050506', 3);
  }
}

function progressRecess(face: Face, cx: number, cy: number, w: number): void {
  const [x, y, rw, rh] = face.rect(cx, cy, w + 0.002, 0.0052);
  recess(face.ctx, x, y, rw, rh, '#0a0b0d', 2);
}

function accent(face: Face, x: number): void {
  const [ax, ay, aw, ah] = face.rect(x, 0, 0.0012, face.hM - 0.006);
  face.ctx.fillStyle = '#2f7fd0';
  face.ctx.fillRect(ax, ay, aw, ah);
}

/** Y (face coordinates) of the centre of the top rack unit of a bezel `heightU` tall. */
const topUnit = (heightU: number): number => uHeight(heightU) / 2 - RACK_UNIT_M / 2;

export function cpuBezelTexture(heightU: number): CanvasTexture {
  const hM = bezelHeight(heightU);
  return makeTexture(1024, heightU >= 2 ? 256 : 128, (ctx) => {
    const face = new Face(ctx, BEZEL_WIDTH_M, hM);
    bezelBase(face);
    const inset = 0.0055;
    grille(face, -0.168, 0.121, -hM / 2 + inset, hM / 2 - inset);
    accent(face, 0.1285);
    const yTop = topUnit(heightU);
    ledRecesses(face, LEDS.cpu.length, FRONT.ledX, yTop + 0.0055);
    const end = FRONT.ledX + LEDS.cpu.length * FRONT.ledPitch;
    const x0 = FRONT.ledX - 0.005;
    progressRecess(face, (x0 + end - 0.006) / 2, yTop - 0.0135, end - 0.006 - x0);
    if (heightU >= 2) {
      ctx.fillStyle = 'rgba(210,216,224,0.55)';
      ctx.font = `600 ${Math.round(face.sy * 0.0042)}px ${SANS}`;
      ctx.textAlign = 'center';
      ctx.fillText('4-WAY  SMP', face.x(0.158), face.y(-hM / 2 + 0.012));
    }
    sideSwatch(ctx, SIDE);
  });
}

export function ioBezelTexture(): CanvasTexture {
  const hM = bezelHeight(1);
  return makeTexture(1024, 128, (ctx) => {
    const face = new Face(ctx, BEZEL_WIDTH_M, hM);
    bezelBase(face);
    for (let i = 0; i < 3; i++) {
      const [x, y, w, h] = face.rect(
        FRONT.diskX0 + i * FRONT.diskPitch,
        0,
        FRONT.diskW + 0.0022,
        FRONT.diskH + 0.0022,
      );
      recess(ctx, x, y, w, h, '#060607', 3);
    }
    const [cx, cy, cw, ch] = face.rect(FRONT.cdX, FRONT.cdY, FRONT.cdW + 0.002, FRONT.cdH + 0.002);
    recess(ctx, cx, cy, cw, ch, '#060607', 2);
    ledRecesses(face, LEDS.io.length, FRONT.ioLedX, FRONT.ioLedY);
    const end = FRONT.ioLedX + LEDS.io.length * FRONT.ledPitch + 0.002;
    const x1 = FRONT.cdX + FRONT.cdW / 2;
    progressRecess(face, (end + x1) / 2, FRONT.ioLedY, x1 - end);
    accent(face, -0.1725);
    sideSwatch(ctx, SIDE);
  });
}

export function xioBezelTexture(): CanvasTexture {
  const hM = bezelHeight(1);
  return makeTexture(1024, 128, (ctx) => {
    const face = new Face(ctx, BEZEL_WIDTH_M, hM);
    bezelBase(face);
    grille(face, -0.168, 0.06, -hM / 2 + 0.0055, hM / 2 - 0.0055);
    accent(face, 0.0665);
    ctx.fillStyle = 'rgba(215,221,230,0.75)';
    ctx.font = `600 ${Math.round(face.sy * 0.0052)}px ${SANS}`;
    ctx.textAlign = 'left';
    ctx.fillText('PCI-X EXPANSION', face.x(0.072), face.y(-0.0035));
    ledRecesses(face, LEDS.xio.length, FRONT.ledX, topUnit(1) + 0.0055);
    const end = FRONT.ledX + LEDS.xio.length * FRONT.ledPitch;
    const x0 = FRONT.ledX - 0.005;
    progressRecess(face, (x0 + end - 0.006) / 2, topUnit(1) - 0.0135, end - 0.006 - x0);
    sideSwatch(ctx, SIDE);
  });
}

export function bayBlankTexture(): CanvasTexture {
  return makeTexture(1024, 128, (ctx) => {
    const face = new Face(ctx, BEZEL_WIDTH_M, bezelHeight(1));
    gradientRect(ctx, 0, 0, 1024, 128, ['#2d3035', '#1d1f23']);
    perforate(
      ctx,
      face.x(-0.19),
      10,
      face.sx * 0.38,
      108,
      face.sx * 0.005,
      face.sx * 0.0013,
      '#0a0b0c',
    );
    sideSwatch(ctx, SIDE);
  });
}

export function diskTexture(): CanvasTexture {
  return makeTexture(256, 128, (ctx) => {
    const face = new Face(ctx, FRONT.diskW, FRONT.diskH);
    gradientRect(ctx, 0, 0, 256, 128, ['#3a3e45', '#2a2d33', '#1f2126']);
    brush(ctx, 0, 0, 256, 60, 0.05);
    const [vx, vy, vw, vh] = face.rect(0.013, 0.0085, 0.042, 0.011);
    ctx.fillStyle = '#15171a';
    for (let i = 0; i < 9; i++) {
      roundRect(ctx, vx + i * (vw / 9) + 2, vy, vw / 9 - 5, vh, 2);
      ctx.fill();
    }
    for (let i = 0; i < 3; i++) {
      const [x, y, w, h] = face.rect(
        FRONT.diskLedX + i * FRONT.diskLedPitch,
        0.0105,
        0.0068,
        0.006,
      );
      recess(ctx, x, y, w, h, '#050506', 3);
    }
    const [lx, ly, lw, lh] = face.rect(0, -0.0085, FRONT.diskW - 0.004, 0.0145);
    const g = ctx.createLinearGradient(0, ly, 0, ly + lh);
    g.addColorStop(0, '#d9dde3');
    g.addColorStop(0.45, '#a6adb6');
    g.addColorStop(1, '#6b7179');
    roundRect(ctx, lx, ly, lw, lh, 6);
    ctx.fillStyle = g;
    ctx.fill();
    brush(ctx, lx, ly, lw, lh, 0.1);
    const [px, py, pw, ph] = face.rect(0.014, -0.0115, 0.038, 0.0052);
    recess(ctx, px, py, pw, ph, '#0d0e10', 2);
    ctx.fillStyle = '#3b4048';
    ctx.fillRect(face.x(-0.033), ly + 3, 3, lh - 6);
    sideSwatch(ctx, '#8d939b');
  });
}

/** Top of a drawer body seen when it is out: a system board with heatsinks, DIMMs and fans. */
export function drawerTopTexture(): CanvasTexture {
  return makeTexture(256, 512, (ctx) => {
    gradientRect(ctx, 0, 0, 256, 512, ['#7d848c', '#8e959d']);
    brush(ctx, 0, 0, 256, 512, 0.06);
    ctx.fillStyle = '#1f4a35';
    ctx.fillRect(10, 40, 236, 380);
    ctx.fillStyle = 'rgba(200,170,90,0.35)';
    for (let i = 0; i < 40; i++) ctx.fillRect(14 + ((i * 37) % 228), 44 + ((i * 53) % 370), 2, 24);
    for (let k = 0; k < 2; k++) {
      const x = 30 + k * 110;
      gradientRect(ctx, x, 220, 80, 90, ['#d5dae0', '#9aa1a9']);
      ctx.fillStyle = 'rgba(40,44,50,0.55)';
      for (let f = 0; f < 16; f++) ctx.fillRect(x + 3 + f * 5, 222, 1.5, 86);
    }
    for (let d = 0; d < 8; d++) {
      ctx.fillStyle = '#15171a';
      ctx.fillRect(22 + d * 27, 70, 16, 120);
      ctx.fillStyle = '#2c6a4a';
      ctx.fillRect(24 + d * 27, 74, 12, 112);
      ctx.fillStyle = '#b8943c';
      ctx.fillRect(24 + d * 27, 182, 12, 4);
    }
    for (let f = 0; f < 4; f++) {
      const cx = 36 + f * 61;
      ctx.fillStyle = '#101113';
      ctx.fillRect(cx - 27, 432, 54, 54);
      ctx.beginPath();
      ctx.arc(cx, 459, 23, 0, Math.PI * 2);
      ctx.fillStyle = '#1d1f22';
      ctx.fill();
      ctx.strokeStyle = '#3b3f45';
      ctx.lineWidth = 2;
      for (let r = 8; r <= 22; r += 7) {
        ctx.beginPath();
        ctx.arc(cx, 459, r, 0, Math.PI * 2);
        ctx.stroke();
      }
    }
    ctx.fillStyle = '#2b2e33';
    ctx.fillRect(0, 0, 256, 30);
    sideSwatch(ctx, '#8e959d');
  });
}

export function diskBlankTexture(): CanvasTexture {
  return makeTexture(256, 128, (ctx) => {
    gradientRect(ctx, 0, 0, 256, 128, ['#2b2e33', '#1c1e22']);
    perforate(ctx, 14, 14, 228, 100, 14, 4, '#08090a');
    sideSwatch(ctx, SIDE);
  });
}

export function cdromTexture(): CanvasTexture {
  return makeTexture(512, 64, (ctx) => {
    const face = new Face(ctx, FRONT.cdW, FRONT.cdH);
    gradientRect(ctx, 0, 0, 512, 64, ['#26282c', '#141518']);
    ctx.fillStyle = '#050506';
    ctx.fillRect(face.x(-0.045), face.y(0.0005), face.sx * 0.07, 3);
    const [bx, by, bw, bh] = face.rect(0.039, -0.0015, 0.012, 0.0045);
    roundRect(ctx, bx, by, bw, bh, 4);
    ctx.fillStyle = '#3c4047';
    ctx.fill();
    ctx.fillStyle = 'rgba(200,206,214,0.6)';
    ctx.font = `600 ${Math.round(face.sy * 0.0035)}px ${SANS}`;
    ctx.fillText('CD-ROM', face.x(-0.045), face.y(-0.004));
    sideSwatch(ctx, '#101113');
  });
}
