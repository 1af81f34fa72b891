/**
 * Highlights the part of the page a tour step talks about, with driver.js (MIT): the page is
 * dimmed around the element. No popover (the tour's caption bar says what to look at), so
 * nothing takes the focus from the tour's controls. driver.js also keeps Tab inside the
 * highlighted element; the tour's controls must stay reachable, so Tab keeps the browser's
 * own order while a highlight shows. Animation follows the reduced-motion preference.
 */
import { type Driver, driver } from 'driver.js';
import 'driver.js/dist/driver.css';

export class Highlighter {
  private active: Driver | null = null;
  private readonly keepTabOrder = (event: KeyboardEvent) => {
    if (event.key === 'Tab' && this.active?.isActive()) event.stopImmediatePropagation();
  };

  constructor(private readonly reducedMotion: () => boolean) {
    window.addEventListener('keydown', this.keepTabOrder, true);
  }

  show(element: Element): void {
    const still = this.reducedMotion();
    if (!this.active) {
      this.active = driver({
        animate: !still,
        smoothScroll: false,
        allowClose: false,
        allowKeyboardControl: false,
        overlayOpacity: 0.55,
        overlayColor: '#02060b',
        stagePadding: 6,
        stageRadius: 10,
        overlayClickBehavior: () => {},
      });
    }
    this.active.highlight({ element });
  }

  clear(): void {
    this.active?.destroy();
    this.active = null;
  }

  dispose(): void {
    this.clear();
    window.removeEventListener('keydown', this.keepTabOrder, true);
  }
}
