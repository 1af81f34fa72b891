/**
 * The twin's styles as constructable stylesheets, adopted by each twin's shadow root: nothing is
 * added to the host page's head, and a strict CSP without 'unsafe-inline' styles allows them.
 * Built once per page and shared by every twin (they are immutable).
 */
import base from './base.css?inline';
import consoleCss from './console.css?inline';
import layout from './layout.css?inline';
import management from './management.css?inline';
import panels from './panels.css?inline';

const SOURCES = [base, layout, consoleCss, panels, management];

let sheets: CSSStyleSheet[] | null = null;

export function twinStyleSheets(): CSSStyleSheet[] {
  if (!sheets) {
    sheets = SOURCES.map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  }
  return sheets;
}
