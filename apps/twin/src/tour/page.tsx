/**
 * Entry of the guided tour (`?demo=tour`, routes.ts): loads `public/tours/NAME.json`, checks it
 * (a broken file is named with the field at fault, and nothing plays), and renders the tour.
 */
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { parseTourParams } from './params.ts';
import { TourPage } from './TourPage.tsx';
import { parseTour } from './tourSchema.ts';
import '../compare/compare.css';
import './tour.css';

export async function mount(root: HTMLElement, query: URLSearchParams): Promise<void> {
  const params = parseTourParams(query);
  document.documentElement.classList.add('ft-tour-page');
  const url = new URL(`tours/${params.tour}.json`, document.baseURI);
  let data: unknown;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.json();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `tour "${params.tour}" could not be loaded from ${url.pathname} (${why.slice(0, 120)})`,
    );
  }
  const parsed = parseTour(data);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    throw new Error(`tour "${params.tour}" is not valid: ${issue.path}: ${issue.message}`);
  }
  document.title = `${parsed.value.title} — guided tour`;
  createRoot(root).render(
    <StrictMode>
      <TourPage tour={parsed.value} params={params} />
    </StrictMode>,
  );
}
