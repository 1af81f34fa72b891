/**
 * Records what the trainee does in a live twin as lesson {@link UserAction}s: every command the
 * engine client announces that the lesson itself did not give, every selection the lesson did not
 * make, and every answer. Each command carries what the twin showed just before it (read from the
 * store, which the client refreshes only after announcing the command) and whether it took its
 * system down (from the engine's records just after), so wrong moves can be judged from the
 * action list alone.
 */
import type { Command } from '@ft/engine';
import { buildView, commandAction, type StateView, type UserAction } from '@ft/lessons';
import type { RecordsNow, TwinPort, TwinStoreView } from './twinPort.ts';

/** The twin as the trainee saw it: the store's latest records, at `timeMs`. */
export function viewOfStore(state: TwinStoreView, timeMs: number): StateView | null {
  if (!state.rack) return null;
  return buildView({
    timeMs,
    rack: state.rack,
    components: Object.values(state.components),
    counters: state.counters,
    systems: state.systems,
    serviceCalls: state.serviceCalls,
    dumps: state.dumps,
  });
}

function viewOfRecords(state: TwinStoreView, records: RecordsNow | null): StateView | undefined {
  if (!state.rack || !records) return undefined;
  return buildView({ ...records, rack: state.rack });
}

export class TraineeActions {
  private readonly lessonCommands = new WeakSet<Command>();
  private lessonSelecting = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly offs: (() => void)[] = [];

  /**
   * @param actions the list to append to (the live driver's, so that checks see it)
   * @param now simulated time now (for selections and answers)
   * @param onAction called after each recorded action
   */
  constructor(
    twin: TwinPort,
    readonly actions: UserAction[],
    private readonly now: () => number,
    private readonly onAction: (action: UserAction) => void = () => {},
  ) {
    this.offs.push(
      twin.engine.bus.on('command', ({ command, result, timeMs }) => {
        if (this.lessonCommands.has(command)) return;
        const before = viewOfStore(twin.store.getState(), timeMs);
        if (!before) return;
        // In order, even though each waits for the records after its command.
        this.queue = this.queue.then(async () => {
          const after = viewOfRecords(twin.store.getState(), await twin.engine.records());
          this.push(commandAction(before, command, result, after, timeMs));
        });
      }),
      twin.store.subscribe((state, previous) => {
        if (state.selectedId === previous.selectedId || this.lessonSelecting) return;
        const action: UserAction = { kind: 'select', timeMs: this.now(), target: state.selectedId };
        this.queue = this.queue.then(() => this.push(action));
      }),
    );
  }

  private push(action: UserAction): void {
    this.actions.push(action);
    this.onAction(action);
  }

  /** A command the lesson gives (entry actions): not the trainee's. */
  markLessonCommand(command: Command): void {
    this.lessonCommands.add(command);
  }

  /**
   * Runs `change` as the lesson's own (a camera move that selects a part): selections it makes
   * synchronously are not the trainee's.
   */
  asLesson<T>(change: () => T): T {
    this.lessonSelecting = true;
    try {
      return change();
    } finally {
      this.lessonSelecting = false;
    }
  }

  /** The trainee's answer to a lesson question. */
  answer(question: string, value: string): Promise<void> {
    const action: UserAction = { kind: 'answer', timeMs: this.now(), question, value };
    this.queue = this.queue.then(() => this.push(action));
    return this.queue;
  }

  /** Resolves once every action seen so far is recorded. */
  settled(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
