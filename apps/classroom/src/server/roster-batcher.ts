/**
 * Roster patches gathered per class and sent to the instructors at most every `intervalMs`: a
 * fault to 200 trainees brings 200 progress events within a few milliseconds, and one message
 * with 200 patches costs the server, the adapter (one Redis stream entry instead of 200) and
 * the instructor's page far less than 200 messages. Patches of one trainee merge, later fields
 * winning.
 */
import type { RosterEntry, RosterPatch } from '../protocol.ts';
import type { ClassroomIo } from './context.ts';
import { rooms } from './rooms.ts';

export class RosterBatcher {
  private readonly pending = new Map<string, Map<string, Partial<RosterEntry>>>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly io: ClassroomIo,
    private readonly intervalMs = 50,
  ) {}

  /**
   * @example
   * batcher.patch(classId, traineeId, { connected: false });
   */
  patch(classId: string, traineeId: string, patch: Partial<RosterEntry>): void {
    let byTrainee = this.pending.get(classId);
    if (!byTrainee) {
      byTrainee = new Map();
      this.pending.set(classId, byTrainee);
    }
    byTrainee.set(traineeId, { ...byTrainee.get(traineeId), ...patch });
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends everything pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [classId, byTrainee] of this.pending) {
      const updates: RosterPatch[] = [...byTrainee].map(([traineeId, patch]) => ({
        traineeId,
        patch,
      }));
      this.io.to(rooms.instructors(classId)).emit('roster:update', updates);
    }
    this.pending.clear();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
