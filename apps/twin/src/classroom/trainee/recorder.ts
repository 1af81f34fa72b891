/**
 * The trainee's session log, recorded from the twin's engine client: every command it answered
 * (from the panels, the lesson, the instructor's faults) at the simulated time it was applied,
 * and every time warp where it started. Entries are checked with the same schema the server
 * uses before they leave, so one odd command cannot make the server refuse a whole batch; the
 * recorder keeps every entry it sent, to send again what a dropped connection lost.
 */
import { SessionEntrySchema } from '@ft/classroom/protocol';
import type { SessionEntry } from '@ft/lessons';
import type { TwinInstance } from '@ft/twin';
import * as v from 'valibot';

/** The twin's engine client bus (`command` and `warp` are what the recorder listens to). */
export type CommandBus = Pick<TwinInstance['engine']['bus'], 'on'>;

export class SessionRecorder {
  /** Every entry recorded, in order (entry i has sequence number i on the server). */
  readonly entries: SessionEntry[] = [];
  /** Commands left out because the server's schema refuses them (should stay empty). */
  readonly skipped: string[] = [];
  private readonly offs: (() => void)[];

  constructor(
    bus: CommandBus,
    private readonly send: (entry: SessionEntry) => void,
  ) {
    this.offs = [
      // Times stay exact (fractional): a replay applies each entry at the very same time.
      bus.on('command', ({ command, timeMs }) => this.add({ timeMs, command })),
      bus.on('warp', ({ fromMs, limitMs }) =>
        this.add({ timeMs: fromMs, warpToNextEvent: limitMs }),
      ),
    ];
  }

  stop(): void {
    for (const off of this.offs) off();
  }

  private add(entry: SessionEntry): void {
    const checked = v.safeParse(SessionEntrySchema, entry);
    if (!checked.success) {
      this.skipped.push(`${JSON.stringify(entry).slice(0, 80)}: ${checked.issues[0].message}`);
      return;
    }
    this.entries.push(entry);
    this.send(entry);
  }
}
