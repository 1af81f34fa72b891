/**
 * The comparison page's one animation-frame loop. Per frame it only looks at the clocks and the
 * session's version; it redraws the three timeline strips when either moved, writes the cards'
 * figures and tickers into the DOM a few times a second, and lets the session keep the clocks
 * together. No React state changes here (React re-renders only on the page's discrete events).
 */
import { cardFigures, type CardFigures } from './figures.ts';
import { formatAvailability, formatClock, formatCount, formatDuration } from './format.ts';
import { ARCHS } from './drive.ts';
import type { CompareSession } from './session.ts';
import type { Architecture } from './serviceTracker.ts';
import { axisSpanMs, drawStrip } from './timelineDraw.ts';

export interface CardElements {
  canvas: HTMLCanvasElement;
  pill: HTMLElement;
  downtime: HTMLElement;
  outages: HTMLElement;
  lost: HTMLElement;
  sdc: HTMLElement;
  availability: HTMLElement;
  ticker: HTMLElement;
  /** The strip's axis label (the span shown). */
  span: HTMLElement;
}

export interface PageElements {
  /** The common clock and the speed reached (absent where the page shows no controls). */
  clock: HTMLElement | null;
  reached: HTMLElement | null;
  /** A polite live region: each twin's service going down or serving again is announced. */
  live: HTMLElement;
}

const TEXT_EVERY_MS = 250;
const GOVERN_EVERY_MS = 300;

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function pillOf(f: CardFigures, recovering: boolean): { text: string; tone: string } {
  if (f.serving === f.services) return { text: 'Serving', tone: 'ok' };
  if (recovering && f.services === 1) return { text: 'Recovering (modelled)', tone: 'warn' };
  if (f.services > 1) return { text: `${f.serving} of ${f.services} serving`, tone: 'err' };
  return { text: 'Down', tone: 'err' };
}

/** Sizes a canvas's backing store to its CSS box and the device pixel ratio. */
function fit(
  canvas: HTMLCanvasElement,
): { ctx: CanvasRenderingContext2D; w: number; h: number } | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  const bw = Math.max(1, Math.round(w * ratio));
  const bh = Math.max(1, Math.round(h * ratio));
  if (canvas.width !== bw || canvas.height !== bh) {
    canvas.width = bw;
    canvas.height = bh;
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { ctx, w, h };
}

/**
 * Starts the loop; returns its stop function.
 *
 * @example
 * const stop = startLiveLoop(session, cards, { clock, reached });
 */
export function startLiveLoop(
  session: CompareSession,
  cards: Record<Architecture, CardElements>,
  page: PageElements,
): () => void {
  let frame = 0;
  let lastText = 0;
  let lastGovern = 0;
  let drawnVersion = -1;
  let drawnNowPx = -1;
  let drawnWidth = -1;
  let rateFrom: { wall: number; sim: number } | null = null;

  const tick = (wall: number) => {
    frame = requestAnimationFrame(tick);
    const now = session.commonTimeMs();
    const span = axisSpanMs(Math.max(...ARCHS.map((a) => session.clock(a))));
    const width = cards.ftserver.canvas.clientWidth;
    const nowPx = Math.round((now / span) * width);
    if (session.version !== drawnVersion || nowPx !== drawnNowPx || width !== drawnWidth) {
      drawnVersion = session.version;
      drawnNowPx = nowPx;
      drawnWidth = width;
      for (const arch of ARCHS) {
        const fitted = fit(cards[arch].canvas);
        if (!fitted) continue;
        drawStrip(fitted.ctx, session.trackers[arch], {
          width: fitted.w,
          height: fitted.h,
          spanMs: span,
          nowMs: session.clock(arch),
          marks: session.marks[arch],
        });
        setText(cards[arch].span, formatDuration(span));
      }
    }
    if (wall - lastGovern >= GOVERN_EVERY_MS) {
      lastGovern = wall;
      session.governClocks();
    }
    if (wall - lastText < TEXT_EVERY_MS) return;
    lastText = wall;
    if (page.clock) setText(page.clock, formatClock(now));
    if (rateFrom && wall - rateFrom.wall >= 1000) {
      const rate = (now - rateFrom.sim) / (wall - rateFrom.wall);
      if (page.reached)
        setText(
          page.reached,
          session.speed === 0 ? 'paused' : `reached ×${formatCount(Math.max(0, rate))}`,
        );
      rateFrom = { wall, sim: now };
    } else if (!rateFrom) rateFrom = { wall, sim: now };
    for (const arch of ARCHS) {
      const el = cards[arch];
      const tracker = session.trackers[arch];
      const t = session.clock(arch);
      const f = cardFigures(tracker, session.handles[arch].api.counters(), t);
      const last = tracker.intervals[0]?.at(-1);
      const recovering =
        !!last && last.modelledFromMs !== null && last.modelledFromMs <= t && (last.endMs ?? 0) > t;
      const pill = pillOf(f, recovering);
      if (el.pill.textContent && el.pill.textContent !== pill.text)
        page.live.textContent = `${session.names[arch]}: ${pill.text}`;
      setText(el.pill, pill.text);
      if (el.pill.dataset.tone !== pill.tone) el.pill.dataset.tone = pill.tone;
      setText(el.downtime, formatDuration(f.downtimeMs));
      setText(el.outages, String(f.outages));
      setText(el.lost, formatCount(f.transactionsLost));
      setText(el.sdc, formatCount(f.silentDataCorruptions));
      setText(el.availability, formatAvailability(f.availability));
      const lines = session.tickers[arch]
        .map((e) => `${formatClock(e.timeMs)}  ${e.message}`)
        .reverse()
        .join('\n');
      setText(el.ticker, lines || 'No events yet.');
    }
  };
  frame = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(frame);
}
