/**
 * The trainee's page (`?join=CODE`, the link the instructor shows): join with the code and a
 * display name, then the twin, the assigned lesson and the class messages. A browser that has
 * joined this class before (token in localStorage) goes straight back in.
 */
import { defaultTokenStore } from '@ft/classroom/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/classroom.css';
import { TraineeApp } from './TraineeApp.tsx';

export function mount(root: HTMLElement, params: URLSearchParams): void {
  const code = (params.get('join') ?? '').trim().toUpperCase();
  const known = code !== '' && !!defaultTokenStore().get(code);
  document.title = 'Classroom · ftServer twin';
  createRoot(root).render(
    <StrictMode>
      <TraineeApp initialCode={code} resume={known} />
    </StrictMode>,
  );
}
