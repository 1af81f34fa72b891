/**
 * The tour page's URL parameters: `?demo=tour[&tour=sales][&loop=1][&pace=1]`.
 * - `tour`: which file of `public/tours/` to play (a plain name).
 * - `loop=1`: kiosk mode, the tour starts over after its last chapter, for a trade-show screen.
 * - `pace`: 1 to 100; reading holds are divided by it and speeds multiplied (rehearsals, tests).
 * A bad value yields a message naming it, and the default applies.
 */
import { quote } from '@ft/lessons';

export interface TourParams {
  tour: string;
  loop: boolean;
  pace: number;
  problems: string[];
}

export const DEFAULT_TOUR = 'sales';
export const MAX_PACE = 100;
const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * @example
 * parseTourParams('?demo=tour&loop=1'); // { tour: 'sales', loop: true, pace: 1, problems: [] }
 */
export function parseTourParams(search: string | URLSearchParams): TourParams {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: string[] = [];
  let tour = DEFAULT_TOUR;
  const name = query.get('tour');
  if (name !== null) {
    if (NAME.test(name)) tour = name;
    else
      problems.push(
        `?tour=${quote(name)} is not a tour name (lower-case letters, digits and dashes). Playing "${DEFAULT_TOUR}".`,
      );
  }
  let loop = false;
  const loopText = query.get('loop');
  if (loopText !== null) {
    if (loopText === '1' || loopText === 'true') loop = true;
    else if (loopText !== '0' && loopText !== 'false')
      problems.push(`?loop=${quote(loopText)} is not valid: expected 1 or 0. Not looping.`);
  }
  let pace = 1;
  const paceText = query.get('pace');
  if (paceText !== null) {
    const value = /^\d{1,3}(\.\d+)?$/.test(paceText) ? Number(paceText) : Number.NaN;
    if (value >= 1 && value <= MAX_PACE) pace = value;
    else
      problems.push(
        `?pace=${quote(paceText)} is not valid: expected a number from 1 to ${MAX_PACE}. Using 1.`,
      );
  }
  return { tour, loop, pace, problems };
}
