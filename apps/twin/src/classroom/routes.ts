/**
 * The classroom's pages in the app's routes: `?classroom=instructor` (the instructor) and
 * `?join=CODE` (a trainee; the link the instructor shows; `?join` alone asks for the code).
 */
import type { Route } from '../routes.ts';

export const CLASSROOM_ROUTES: readonly Route[] = [
  {
    name: 'classroom instructor',
    test: (params) => params.get('classroom') === 'instructor',
    load: () => import('./instructor/page.tsx'),
  },
  {
    name: 'classroom trainee',
    test: (params) => params.has('join'),
    load: () => import('./trainee/page.tsx'),
  },
];
