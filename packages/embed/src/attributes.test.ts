import { describe, expect, it } from 'vitest';
import {
  type AttributeName,
  parseAttributes,
  parseCamera,
  parsePanels,
  shown,
} from './attributes.ts';

const parse = (attrs: Partial<Record<AttributeName, string>>) =>
  parseAttributes((name) => attrs[name] ?? null);

describe('<ft-twin> attributes', () => {
  it('gives the documented defaults with no attributes', () => {
    const { value, problems } = parse({});
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      preset: null,
      seed: 1,
      speed: null,
      camera: null,
      panels: [],
      interaction: 'inject',
      autoplay: false,
      loop: false,
      loading: 'lazy',
      offscreen: 'pause',
    });
  });

  it('parses every attribute', () => {
    const { value, problems } = parse({
      preset: '6600-tmr',
      seed: '42',
      speed: '10',
      camera: 'part:A.cpu-1',
      panels: 'status, log',
      interaction: 'view',
      scenario: 'demo.json',
      autoplay: '',
      loop: 'true',
      loading: 'eager',
      poster: 'p.png',
      'worker-url': '/w.js',
      alt: 'A TMR system',
      offscreen: 'run',
    });
    expect(problems).toEqual([]);
    expect(value).toEqual({
      preset: '6600-tmr',
      configUrl: null,
      seed: 42,
      speed: 10,
      camera: { view: 'part', componentId: 'A.cpu-1' },
      panels: ['status', 'log'],
      interaction: 'view',
      scenarioUrl: 'demo.json',
      autoplay: true,
      loop: true,
      loading: 'eager',
      poster: 'p.png',
      workerUrl: '/w.js',
      alt: 'A TMR system',
      offscreen: 'run',
    });
  });

  it('names the attribute and what was expected, and keeps the default', () => {
    const { value, problems } = parse({
      seed: '-3',
      speed: 'fast',
      camera: 'top',
      panels: 'status,charts',
      interaction: 'poke',
      loading: 'soon',
      autoplay: 'maybe',
      poster: 'javascript:alert(1)',
    });
    expect(value.seed).toBe(1);
    expect(value.speed).toBeNull();
    expect(value.camera).toBeNull();
    expect(value.panels).toEqual([]);
    expect(value.interaction).toBe('inject');
    expect(value.loading).toBe('lazy');
    expect(value.poster).toBeNull();
    expect(problems).toHaveLength(8);
    expect(problems.join('\n')).toMatch(/^seed="-3": expected a whole number/m);
    expect(problems.join('\n')).toMatch(/panels="status,charts": unknown panel "charts"/);
  });

  it('panels: none, all and duplicates', () => {
    expect(parsePanels('none')).toEqual([]);
    expect(parsePanels('all')).toEqual(['status', 'console', 'log', 'lockstep']);
    expect(parsePanels('log,log')).toEqual(['log']);
  });

  it('camera: views, systems and parts', () => {
    expect(parseCamera('rear')).toEqual({ view: 'rear' });
    expect(parseCamera('system:B')).toEqual({ view: 'system', systemId: 'B' });
    expect(typeof parseCamera('system:')).toBe('string');
  });

  it('cuts long values and escapes control and bidi characters in messages', () => {
    const long = 'x'.repeat(5000);
    expect(shown(long).length).toBeLessThan(70);
    expect(shown('a\u202eb\nc')).toBe('"a\\u202eb\\u000ac"');
    const { problems } = parse({ seed: `1\u202e${long}` });
    expect(problems[0].length).toBeLessThan(140);
    expect(problems[0]).not.toContain('\u202e');
  });
});
