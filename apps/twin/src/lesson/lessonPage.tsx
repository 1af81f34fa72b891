/**
 * Page module for `?lesson` (the Lessons menu), `?lesson=ID` (the player) and, with `?replay` or
 * a `#session=…` fragment, a session replay. Loaded by `main.tsx` through `routes.ts`.
 *
 * @example
 * // http://127.0.0.1:4173/?lesson=cpu-hot-swap&seed=42
 * (await import('./lesson/lessonPage.tsx')).mount(document.getElementById('root')!, params);
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type AppEnv, LessonApp } from './LessonApp.tsx';
import { startOf } from './start.ts';
import './lesson.css';

export function mount(root: HTMLElement, params: URLSearchParams): void {
  const env: AppEnv = {
    fetcher: (url) => fetch(url),
    base: `${import.meta.env.BASE_URL}lessons/`,
  };
  root.classList.add('lp-root');
  createRoot(root).render(
    <StrictMode>
      <LessonApp
        start={startOf(params, window.location.hash)}
        seedParam={params.get('seed')}
        env={env}
      />
    </StrictMode>,
  );
}
