/**
 * The pages of the web app, chosen by URL parameters. Each is a host over the same twin
 * component (@ft/twin) and loads only when asked for. A page module exports
 * `mount(root, params)`; `main.tsx` picks the first route whose test matches.
 */
import { CLASSROOM_ROUTES } from './classroom/routes.ts';

export interface PageModule {
  /** Mounts the page into `root`; returns the page's main twin API, when it has one. */
  mount(root: HTMLElement, params: URLSearchParams): unknown;
}

export interface Route {
  name: string;
  test(params: URLSearchParams, hash: string): boolean;
  load(): Promise<PageModule>;
}

export const ROUTES: readonly Route[] = [
  // Lessons: `?lesson` (the menu), `?lesson=ID` (the player); session replays: `?replay`, or a
  // share link's `#session=…`.
  {
    name: 'lesson',
    test: (params, hash) =>
      params.has('lesson') || params.has('replay') || hash.startsWith('#session='),
    load: () => import('./lesson/lessonPage.tsx'),
  },
  ...CLASSROOM_ROUTES,
  {
    name: 'comparison',
    test: (params) => params.get('demo') === 'compare',
    load: () => import('./compare/page.tsx'),
  },
  {
    name: 'guided tour',
    test: (params) => params.get('demo') === 'tour',
    load: () => import('./tour/page.tsx'),
  },
];
