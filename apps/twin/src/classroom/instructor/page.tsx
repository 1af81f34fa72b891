/**
 * The instructor's page (`?classroom=instructor`, served by `pnpm classroom`): create a class,
 * show its join code and link, assign lessons, start/pause/end, inject faults, send messages,
 * watch the live roster, mirror one trainee's twin, download the report.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/classroom.css';
import { InstructorApp } from './InstructorApp.tsx';
import { InstructorSession } from './instructorSession.ts';

declare global {
  interface Window {
    /** The instructor page's session (tests, the console): its client and view. */
    ftInstructor?: InstructorSession;
  }
}

export function mount(root: HTMLElement): void {
  document.title = 'Instructor · ftServer classroom';
  const session = new InstructorSession(location.origin);
  window.ftInstructor = session;
  createRoot(root).render(
    <StrictMode>
      <InstructorApp session={session} />
    </StrictMode>,
  );
}
