/**
 * `<ft-twin>`: the ftServer rack twin as a custom element for documentation pages.
 *
 * This module is the loader: small, with no twin code in it. It shows a poster, parses the
 * attributes and, when the element comes near the viewport (or at once with loading="eager", or
 * when a method is called), imports the twin runtime. Importing it where there is no DOM (Node,
 * server-side rendering) defines nothing and touches nothing.
 *
 * @example
 * <script type="module" src="/embed/ft-twin.js"></script>
 * <ft-twin preset="6600-tmr" panels="status" alt="An ftServer 6600 in TMR" style="height:420px"></ft-twin>
 */
import {
  ATTRIBUTE_NAMES,
  type AttributeName,
  parseAttributes,
  type TwinAttributes,
} from './attributes.ts';
import { elementJson } from './elementJson.ts';
import type { MountedTwin } from './runtime.ts';
import { LOADER_CSS } from './loaderStyles.ts';

type Handler = (payload: unknown) => void;
type Api = MountedTwin['api'];

/** How far outside the viewport a lazy twin starts loading. */
const NEAR_VIEWPORT = '300px';
const DEFAULT_PRESET = '4300-dmr';
const NOT_LOADED = '<ft-twin>: the twin is not loaded yet; await element.ready() first.';

const hasDom = typeof window !== 'undefined' && typeof HTMLElement !== 'undefined';
const Base = (hasDom ? HTMLElement : class {}) as typeof HTMLElement;

export class FtTwinElement extends Base {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTE_NAMES;
  }

  private readonly root: ShadowRoot;
  private readonly mountPoint: HTMLDivElement;
  private readonly posterLayer: HTMLDivElement;
  private readonly posterImg: HTMLImageElement;
  private twin: MountedTwin | null = null;
  private loading: Promise<MountedTwin> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private offs: (() => void)[] = [];
  private near: IntersectionObserver | null = null;
  private seen: IntersectionObserver | null = null;
  private generation = 0;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(LOADER_CSS);
    this.root.adoptedStyleSheets = [sheet];
    this.posterLayer = document.createElement('div');
    this.posterLayer.className = 'poster';
    this.posterLayer.setAttribute('part', 'poster');
    this.posterImg = document.createElement('img');
    this.posterImg.alt = '';
    this.posterImg.decoding = 'async';
    const note = document.createElement('span');
    note.className = 'poster-note';
    note.textContent = 'Loading the twin…';
    this.posterLayer.append(this.posterImg, note);
    this.mountPoint = document.createElement('div');
    this.mountPoint.className = 'twin';
    this.mountPoint.setAttribute('part', 'twin');
    this.mountPoint.setAttribute('exportparts', 'layout, stage, panels, drawer');
    this.root.append(this.mountPoint, this.posterLayer);
  }

  connectedCallback(): void {
    if (!this.hasAttribute('role')) this.setAttribute('role', 'region');
    this.setAttribute('aria-roledescription', 'digital twin');
    this.updateLabel();
    this.updatePoster();
    if (this.twin || this.loading) {
      this.observeVisibility();
      return;
    }
    if (this.attrs().value.loading === 'eager') void this.load();
    else {
      this.near = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) void this.load();
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      this.near.observe(this);
    }
  }

  disconnectedCallback(): void {
    // A move within the page disconnects and reconnects at once: only a real removal unloads.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.near?.disconnect();
      this.seen?.disconnect();
      this.near = null;
      this.seen = null;
      this.unmount();
    });
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    if (oldValue === value || !this.twin) {
      if (name === 'alt') this.updateLabel();
      if (name === 'poster') this.updatePoster();
      if (name === 'loading' && value === 'eager' && this.isConnected) void this.load();
      return;
    }
    const { value: a, problems } = this.attrs();
    for (const p of problems) this.fail('attribute', p);
    switch (name as AttributeName) {
      case 'speed':
        void this.twin.setSpeed(a.speed);
        break;
      case 'camera':
        this.twin.setCamera(a.camera);
        break;
      case 'panels':
        this.twin.setView({ panels: a.panels });
        break;
      case 'interaction':
        this.twin.setView({ interaction: a.interaction });
        break;
      case 'alt':
        this.updateLabel();
        this.twin.setView({ label: this.label() });
        break;
      case 'poster':
        this.updatePoster();
        break;
      case 'loading':
        break;
      case 'scenario':
      case 'autoplay':
      case 'loop':
        void this.applyScenario();
        break;
      default:
        // The rack, seed, worker or scenario changed: start a fresh twin.
        void this.reload();
    }
  }

  /** Resolves once the twin is loaded and its engine runs (starts loading if needed). */
  async ready(): Promise<void> {
    const twin = await this.load();
    await twin.api.ready();
  }

  /** Subscribes to 'state', 'system', 'event' or 'ready'; returns the unsubscribe function. */
  on(event: string, handler: Handler): () => void {
    if (typeof handler !== 'function')
      throw new Error('<ft-twin>.on: expected a handler function.');
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    if (this.twin) this.offs.push(this.twin.api.on(event as 'state', handler as never));
    return () => set?.delete(handler);
  }

  // The `window.ftTwin` API, on the element. Asynchronous methods load the twin first;
  // synchronous ones need it loaded (await ready()).
  inject(...args: Parameters<Api['inject']>) {
    return this.call((api) => api.inject(...args));
  }
  pull(...args: Parameters<Api['pull']>) {
    return this.call((api) => api.pull(...args));
  }
  insert(...args: Parameters<Api['insert']>) {
    return this.call((api) => api.insert(...args));
  }
  command(...args: Parameters<Api['command']>) {
    return this.call((api) => api.command(...args));
  }
  setSpeed(...args: Parameters<Api['setSpeed']>) {
    return this.call((api) => api.setSpeed(...args));
  }
  step(...args: Parameters<Api['step']>) {
    return this.call((api) => api.step(...args));
  }
  jumpToNextEvent(...args: Parameters<Api['jumpToNextEvent']>) {
    return this.call((api) => api.jumpToNextEvent(...args));
  }
  redfish(...args: Parameters<Api['redfish']>) {
    return this.call((api) => api.redfish(...args));
  }
  components() {
    return this.api().components();
  }
  state(id: string) {
    return this.api().state(id);
  }
  systemStatus(systemId: string) {
    return this.api().systemStatus(systemId);
  }
  counters() {
    return this.api().counters();
  }
  systems() {
    return this.api().systems();
  }
  serviceCalls() {
    return this.api().serviceCalls();
  }
  dumps() {
    return this.api().dumps();
  }
  traps() {
    return this.api().traps();
  }
  simTimeMs() {
    return this.api().simTimeMs();
  }
  stats() {
    return this.api().stats();
  }
  snapshotPath() {
    return this.api().snapshotPath();
  }
  screenPosition(id: string) {
    return this.api().screenPosition(id);
  }
  ledPosition(...args: Parameters<Api['ledPosition']>) {
    return this.api().ledPosition(...args);
  }
  select(id: string | null) {
    this.api().select(id);
  }

  private api(): Api {
    if (!this.twin) throw new Error(NOT_LOADED);
    return this.twin.api;
  }

  private async call<T>(fn: (api: Api) => Promise<T>): Promise<T> {
    const twin = await this.load();
    await twin.api.ready();
    return fn(twin.api);
  }

  private attrs(): { value: TwinAttributes; problems: string[] } {
    return parseAttributes((name) => this.getAttribute(name));
  }

  private label(): string {
    return this.getAttribute('alt') || this.getAttribute('aria-label') || 'ftServer rack twin';
  }

  private updateLabel(): void {
    if (!this.hasAttribute('aria-label') || this.dataset.ftLabel === 'alt') {
      this.setAttribute('aria-label', this.label());
      this.dataset.ftLabel = 'alt';
    }
  }

  private updatePoster(): void {
    const src = this.attrs().value.poster ?? new URL('./ft-twin-poster.svg', import.meta.url).href;
    if (this.posterImg.getAttribute('src') !== src) this.posterImg.src = src;
  }

  private fail(source: string, message: string): void {
    this.emit('ft-error', { source, message });
  }

  private emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private observeVisibility(): void {
    if (this.seen) return;
    this.seen = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) this.twin?.setVisible(entry.isIntersecting);
    });
    this.seen.observe(this);
  }

  private load(): Promise<MountedTwin> {
    if (this.twin) return Promise.resolve(this.twin);
    if (!this.loading) {
      this.near?.disconnect();
      this.near = null;
      const generation = ++this.generation;
      this.loading = this.mount(generation).finally(() => {
        if (generation === this.generation) this.loading = null;
      });
    }
    return this.loading;
  }

  private async mount(generation: number): Promise<MountedTwin> {
    const { value: a, problems } = this.attrs();
    const [{ mountTwin, checkPreset }, config] = await Promise.all([
      import('./runtime.ts'),
      this.json('config', a.configUrl),
    ]);
    const notices = [...problems];
    let rack: { preset: string } | { config: unknown; source: string } = {
      preset: a.preset ?? DEFAULT_PRESET,
    };
    if (config !== undefined) rack = { config, source: 'the config attribute' };
    else if (a.preset !== null) {
      const bad = checkPreset(a.preset);
      if (bad) {
        notices.push(bad);
        rack = { preset: DEFAULT_PRESET };
      }
    }
    for (const n of notices) this.fail('attribute', n);
    if (generation !== this.generation) throw new Error('<ft-twin>: superseded by a newer load');
    const twin = mountTwin(
      this.mountPoint,
      {
        rack,
        seed: a.seed,
        speed: a.speed,
        camera: a.camera,
        panels: a.panels,
        interaction: a.interaction,
        label: this.label(),
        workerUrl: a.workerUrl,
        offscreen: a.offscreen,
        notices: notices.length > 0 ? [notices.map((n) => n).join(' ')] : [],
      },
      {
        emit: (name, detail) => this.emit(name, detail),
        firstFrame: () => this.posterLayer.classList.add('gone'),
      },
    );
    this.twin = twin;
    void this.applyScenario();
    for (const [event, set] of this.handlers) {
      for (const h of set) this.offs.push(twin.api.on(event as 'state', h as never));
    }
    this.observeVisibility();
    return twin;
  }

  /** (Re)loads the scenario from the attribute or an inline child script. */
  private async applyScenario(): Promise<void> {
    const twin = this.twin;
    if (!twin) return;
    const { value: a } = this.attrs();
    const source = await this.json('scenario', a.scenarioUrl);
    if (this.twin !== twin) return;
    twin.setScenario(source, { autoplay: a.autoplay, loop: a.loop });
  }

  /** Plays the loaded scenario (or starts it again once it has ended). */
  async playScenario(): Promise<void> {
    const twin = await this.load();
    await twin.api.ready();
    twin.handle.instance.scenarioControl?.play();
  }

  /** Stops the scenario playing, at its next step. */
  stopScenario(): void {
    this.twin?.handle.instance.scenarioControl?.stop();
  }

  private unmount(): void {
    this.generation++;
    for (const off of this.offs) off();
    this.offs = [];
    this.twin?.dispose();
    this.twin = null;
    this.loading = null;
    this.posterLayer.classList.remove('gone');
  }

  private async reload(): Promise<void> {
    this.unmount();
    if (this.isConnected) await this.load();
  }

  private json(what: 'config' | 'scenario', url: string | null): Promise<unknown> {
    return elementJson(this, what, url, (message) => this.fail(what, message));
  }
}

if (hasDom && typeof customElements !== 'undefined' && !customElements.get('ft-twin')) {
  customElements.define('ft-twin', FtTwinElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'ft-twin': FtTwinElement;
  }
}
