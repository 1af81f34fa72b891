/**
 * A headless trainee for the load tool: the real client module and a real engine (`@ft/engine`,
 * the same one the browser runs in its worker). An injected fault goes through the engine's
 * normal command path (`engine.command`), into the session log, and its result is acknowledged,
 * as a trainee's page does. Not modelled: the engine running continuously between faults (in a
 * browser it runs in its own worker thread; here 200 of them would share one thread).
 */
import { Engine } from '@ft/engine';
import { connectTrainee, type TraineeClient } from '../client/trainee.ts';
import type { FaultDelivery, TraineeWelcome } from '../protocol.ts';

const LOAD_RACK_PRESET = '4300-dmr';

export interface HeadlessTraineeOptions {
  url: string;
  code: string;
  name: string;
  seed: number;
  /** Called right after the engine applied a fault, before the acknowledgement is sent. */
  onApplied?: (delivery: FaultDelivery, applied: boolean) => void;
}

/**
 * @example
 * const t = await HeadlessTrainee.join({ url, code, name: 'load-1', seed: 1 });
 */
export class HeadlessTrainee {
  private constructor(
    readonly engine: Engine,
    readonly client: TraineeClient,
    readonly welcome: TraineeWelcome,
  ) {}

  static async join(options: HeadlessTraineeOptions): Promise<HeadlessTrainee> {
    const engine = Engine.fromPreset(LOAD_RACK_PRESET, { seed: options.seed });
    const client = connectTrainee({
      url: options.url,
      code: options.code,
      name: options.name,
      socketOptions: { transports: ['websocket'] },
      onFault: (delivery) => {
        const result = engine.command(delivery.command);
        client.logCommand({ timeMs: Math.round(engine.timeMs), command: delivery.command });
        options.onApplied?.(delivery, result.ok);
        // Like a page after its twin changed: a small progress event for the roster, sent after
        // the acknowledgement (which goes out as soon as this callback returns).
        setImmediate(() => {
          client
            .reportProgress({
              lessonId: null,
              stepIndex: 0,
              stepsTotal: 0,
              score: 0,
              maxScore: 0,
              mistakes: 0,
              systemStatus: result.ok ? 'duplex' : 'simplex',
              elapsedMs: Math.round(engine.timeMs),
              simTimeMs: Math.round(engine.timeMs),
              finished: false,
            })
            .catch(() => {});
        });
        return result.ok ? { applied: true } : { applied: false, error: result.error };
      },
    });
    const welcome = await client.ready;
    await client.startSession({
      lessonId: null,
      seed: options.seed,
      rack: { preset: LOAD_RACK_PRESET },
    });
    return new HeadlessTrainee(engine, client, welcome);
  }

  close(): void {
    this.client.close();
  }
}
