/**
 * One architecture's card: its twin (mounted by the page into `host`), its service status, the
 * figures and a ticker of what just happened (written by the page's live loop straight into
 * these elements), and its timeline strip (a canvas drawn by the same loop).
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { CardElements } from './liveLoop.ts';
import type { Outcome } from './outcomes.ts';
import type { Architecture } from './serviceTracker.ts';

interface Props {
  architecture: Architecture;
  name: string;
  blurb: string;
  /** What the fault in the picker would do here. */
  outcome: Outcome | null;
  host: React.RefObject<HTMLDivElement | null>;
}

export const TwinCard = forwardRef<CardElements | null, Props>(function TwinCard(
  { architecture, name, blurb, outcome, host },
  ref,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pill = useRef<HTMLSpanElement>(null);
  const downtime = useRef<HTMLElement>(null);
  const outages = useRef<HTMLElement>(null);
  const lost = useRef<HTMLElement>(null);
  const sdc = useRef<HTMLElement>(null);
  const availability = useRef<HTMLElement>(null);
  const ticker = useRef<HTMLParagraphElement>(null);
  const span = useRef<HTMLSpanElement>(null);
  useImperativeHandle<CardElements | null, CardElements | null>(ref, () => {
    const all = [canvas, pill, downtime, outages, lost, sdc, availability, ticker, span];
    if (all.some((r) => !r.current)) return null;
    return {
      canvas: canvas.current!,
      pill: pill.current!,
      downtime: downtime.current!,
      outages: outages.current!,
      lost: lost.current!,
      sdc: sdc.current!,
      availability: availability.current!,
      ticker: ticker.current!,
      span: span.current!,
    };
  });
  const id = `cmp-card-${architecture}`;
  return (
    <article
      className="cmp-card"
      data-arch={architecture}
      aria-labelledby={id}
      data-testid={`compare.card.${architecture}`}
    >
      <header className="cmp-card-head">
        <h2 id={id}>{name}</h2>
        <span
          className="cmp-pill"
          ref={pill}
          data-tone="ok"
          data-testid={`compare.status.${architecture}`}
        >
          Starting
        </span>
      </header>
      <p className="cmp-card-blurb">{blurb}</p>
      {outcome ? (
        <p
          className="cmp-outcome"
          data-severity={outcome.severity}
          data-testid={`compare.outcome.${architecture}`}
        >
          <span className="cmp-outcome-where">If struck: {outcome.where}</span>
          <span className="cmp-outcome-what">{outcome.what}</span>
        </p>
      ) : null}
      <div className="cmp-twin" ref={host} />
      <dl className="cmp-figures">
        <div>
          <dt>Downtime</dt>
          <dd ref={downtime} data-testid={`compare.downtime.${architecture}`}>
            0 s
          </dd>
        </div>
        <div>
          <dt>Outages</dt>
          <dd ref={outages}>0</dd>
        </div>
        <div>
          <dt>Transactions lost</dt>
          <dd ref={lost} data-testid={`compare.lost.${architecture}`}>
            0
          </dd>
        </div>
        <div>
          <dt>Silent corruptions</dt>
          <dd ref={sdc}>0</dd>
        </div>
        <div className="cmp-figure-wide">
          <dt>Availability so far</dt>
          <dd ref={availability}>100.00000%</dd>
        </div>
      </dl>
      <div className="cmp-strip">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${name}: service up and down over time (green serving, red down${architecture === 'ftserver' ? ', amber modelled application recovery' : ''}, white ticks: faults injected)`}
        />
        <div className="cmp-strip-axis" aria-hidden="true">
          <span>0</span>
          <span ref={span}>10 min</span>
        </div>
      </div>
      <h3 className="visually-hidden">{name}: latest events</h3>
      <p className="cmp-ticker" ref={ticker}>
        No events yet.
      </p>
    </article>
  );
});
