import { describe, expect, it } from 'vitest';
import { parseTourParams } from './params.ts';

describe('parseTourParams', () => {
  it('defaults, kiosk loop and pace', () => {
    expect(parseTourParams('?demo=tour')).toEqual({
      tour: 'sales',
      loop: false,
      pace: 1,
      problems: [],
    });
    expect(parseTourParams('?demo=tour&loop=1&pace=20&tour=short-one')).toEqual({
      tour: 'short-one',
      loop: true,
      pace: 20,
      problems: [],
    });
  });

  it('a bad value is named, escaped and cut, and the default applies', () => {
    const p = parseTourParams(`?tour=../../etc&loop=maybe&pace=${'9'.repeat(60)}`);
    expect(p.tour).toBe('sales');
    expect(p.loop).toBe(false);
    expect(p.pace).toBe(1);
    expect(p.problems).toHaveLength(3);
    expect(p.problems[0]).toMatch(/^\?tour="\.\.\/\.\.\/etc" is not a tour name/);
    expect(p.problems[2].length).toBeLessThan(140);
    expect(parseTourParams('?pace=0').problems[0]).toMatch(/from 1 to 100/);
  });
});
