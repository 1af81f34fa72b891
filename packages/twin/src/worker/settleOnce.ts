/**
 * A promise settled once, from outside: later settlements are ignored, and a rejection nobody
 * waits for is not reported as unhandled (a host that never asks for `ready()` is fine).
 */
export class SettleOnce {
  readonly promise: Promise<void>;
  private done = false;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor() {
    this.promise = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.promise.catch(() => {});
  }

  resolve(): void {
    if (this.done) return;
    this.done = true;
    this.settle.resolve();
  }

  reject(error: Error): void {
    if (this.done) return;
    this.done = true;
    this.settle.reject(error);
  }
}
