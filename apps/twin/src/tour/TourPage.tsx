/**
 * The guided tour page (`?demo=tour`): the story plays by itself over the real engine, chapter
 * after chapter, with a caption bar (announced to screen readers), highlights on the part of
 * the page each step talks about, and controls to pause, resume, skip a chapter and restart
 * (buttons and keys: Space or K, → or N, Home). `loop=1` starts over after the last chapter
 * (kiosk). The tour's data is `public/tours/NAME.json`.
 */
import { presetNames } from '@ft/hardware';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ComparePage } from '../compare/ComparePage.tsx';
import { DEFAULT_COST_PER_HOUR, DEFAULT_SEEDS } from '../compare/params.ts';
import type { CompareSession } from '../compare/session.ts';
import { Highlighter } from './highlight.ts';
import { PauseGate } from './pauseGate.ts';
import type { TourParams } from './params.ts';
import { TourPlayer } from './player.ts';
import { TourStages } from './stages.ts';
import type { Stage, Tour } from './tourSchema.ts';

interface Props {
  tour: Tour;
  params: TourParams;
}

type Status = 'playing' | 'paused' | 'ended';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function TourPage({ tour, params }: Props) {
  const twinHost = useRef<HTMLDivElement>(null);
  const captionEl = useRef<HTMLDivElement>(null);
  const sessionWaiter = useRef<((s: CompareSession | null) => void) | null>(null);
  const latestSession = useRef<CompareSession | null>(null);
  const [stage, setStage] = useState<Stage>('ftserver');
  const [chapter, setChapter] = useState(0);
  const [step, setStep] = useState({ step: 0, steps: 1 });
  const [caption, setCaption] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('playing');
  const [loops, setLoops] = useState(0);
  const [failures, setFailures] = useState(0);
  const [run, setRun] = useState(0);
  const gate = useMemo(() => new PauseGate(), []);
  const player = useRef<TourPlayer | null>(null);

  const compareParams = useMemo(
    () => ({
      preset: tour.rack.preset,
      seed: tour.seed,
      costPerHour: DEFAULT_COST_PER_HOUR,
      seeds: DEFAULT_SEEDS,
      singleDisks: false,
      problems: [],
    }),
    [tour],
  );

  // One run of the player per `run` (Restart bumps it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the tour and its params are fixed for the page's life
  useEffect(() => {
    const twinEl = twinHost.current;
    const captionBox = captionEl.current;
    if (!twinEl || !captionBox) return;
    const highlighter = new Highlighter(reducedMotion);
    const stages = new TourStages(
      tour,
      {
        twinHost: twinEl,
        caption: captionBox,
        show: (next) =>
          new Promise((resolve) => {
            setStage(next);
            if (next === 'compare') sessionWaiter.current = resolve;
            else resolve(null);
          }),
      },
      gate,
      params.pace,
      { caption: (text) => setCaption(text) },
    );
    const p = new TourPlayer(
      tour,
      stages,
      gate,
      { loop: params.loop },
      {
        chapter: (index) => {
          setChapter(index);
          setCaption(null);
          setNote(null);
        },
        step: (_c, s, steps) => setStep({ step: s, steps }),
        highlight: (h) => {
          setNote(h?.text ?? null);
          // The element may be a lazy panel that appears a moment later: try on the next frames.
          if (!h) return highlighter.clear();
          let tries = 0;
          const attempt = () => {
            const el = stages.find(h.area);
            if (el) highlighter.show(el);
            else if (tries++ < 30) requestAnimationFrame(attempt);
          };
          attempt();
        },
        stepFailed: (c, report) => {
          setFailures((n) => n + 1);
          console.error(
            `tour: chapter "${c.id}" step ${report.index + 1} (${report.step.do}) failed: ${report.error ?? 'unknown'}`,
          );
        },
        ended: (how, n) => {
          setLoops(n);
          if (how === 'completed') setStatus('ended');
        },
      },
    );
    player.current = p;
    const offGate = gate.onChange((paused) => setStatus(paused ? 'paused' : 'playing'));
    setStatus('playing');
    setFailures(0);
    void p.play();
    const loopWatch = setInterval(() => setLoops(p.loops), 500);
    return () => {
      clearInterval(loopWatch);
      offGate();
      p.stop();
      highlighter.dispose();
      stages.dispose();
      player.current = null;
    };
  }, [run]);

  const togglePause = () => {
    if (status === 'ended') return;
    gate.set(!gate.paused);
  };
  const skip = () => player.current?.skip();
  const restart = () => {
    gate.set(false);
    setStage('ftserver');
    setRun((r) => r + 1);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      const control = target?.closest('button, a, input, select, textarea, [contenteditable]');
      if ((e.key === ' ' && !control) || e.key === 'k' || e.key === 'K') {
        e.preventDefault();
        togglePause();
      } else if (e.key === 'ArrowRight' || e.key === 'n' || e.key === 'N') {
        if (control && e.key === 'ArrowRight' && target?.tagName !== 'BUTTON') return;
        e.preventDefault();
        skip();
      } else if (e.key === 'Home') {
        e.preventDefault();
        restart();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const current = tour.chapters[chapter];
  return (
    <div
      className="tour"
      data-testid="tour.page"
      data-chapter={current.id}
      data-status={status}
      data-loops={loops}
      data-failures={failures}
      data-kiosk={params.loop ? 'yes' : 'no'}
    >
      <header className="tour-head">
        <h1>{tour.title}</h1>
        <ol className="tour-chapters" aria-label="Chapters">
          {tour.chapters.map((c, i) => (
            <li
              key={c.id}
              data-state={i < chapter ? 'done' : i === chapter ? 'current' : 'next'}
              aria-current={i === chapter ? 'step' : undefined}
            >
              <span className="tour-chapter-no">{i + 1}</span>
              <span className="tour-chapter-name">{c.title}</span>
            </li>
          ))}
        </ol>
        {params.problems.length > 0 ? (
          <p className="tour-notice" role="status">
            {params.problems.join(' ')}
          </p>
        ) : null}
      </header>
      <main className="tour-stage" aria-label="The twins">
        <div className="tour-twin" ref={twinHost} hidden={stage !== 'ftserver'} />
        {stage === 'compare' ? (
          <ComparePage
            params={compareParams}
            presetNames={presetNames()}
            variant="tour"
            onSession={(s) => {
              latestSession.current = s;
              if (!s) return;
              // React may mount a page twice in development: hand over the one that stays.
              requestAnimationFrame(() => {
                const waiter = sessionWaiter.current;
                if (!waiter || !latestSession.current) return;
                sessionWaiter.current = null;
                waiter(latestSession.current);
              });
            }}
          />
        ) : null}
      </main>
      <footer className="tour-bar">
        <div className="tour-caption" ref={captionEl} data-testid="tour.caption">
          <p className="tour-caption-chapter">
            Chapter {chapter + 1} of {tour.chapters.length}: {current.title}
            {params.loop ? <span className="tour-kiosk"> · kiosk, pass {loops + 1}</span> : null}
          </p>
          <p className="tour-caption-text" aria-live="polite" data-testid="tour.caption.text">
            {status === 'ended'
              ? 'The end. Play it again, or open the comparison page.'
              : (caption ?? ' ')}
          </p>
          <p className="tour-caption-note">{note ?? ' '}</p>
          <progress
            className="tour-step-progress"
            max={step.steps}
            value={Math.min(step.step + 1, step.steps)}
            aria-label={`Step ${step.step + 1} of ${step.steps} of this chapter`}
          />
        </div>
        <div className="tour-controls" role="toolbar" aria-label="Tour controls">
          <button
            type="button"
            className="tour-btn tour-btn-primary"
            onClick={togglePause}
            disabled={status === 'ended'}
            aria-keyshortcuts="Space K"
            data-testid="tour.pause"
          >
            {status === 'paused' ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            className="tour-btn"
            onClick={skip}
            disabled={status === 'ended'}
            aria-keyshortcuts="ArrowRight N"
            data-testid="tour.skip"
          >
            Next chapter
          </button>
          <button
            type="button"
            className="tour-btn"
            onClick={restart}
            aria-keyshortcuts="Home"
            data-testid="tour.restart"
          >
            Restart
          </button>
          <a className="tour-link" href="?demo=compare">
            Comparison page
          </a>
          <p className="tour-keys">Space pause · → next · Home restart</p>
        </div>
      </footer>
    </div>
  );
}
