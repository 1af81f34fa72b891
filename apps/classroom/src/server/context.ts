/**
 * What every handler gets: the Socket.IO server, the store, the limits and the clock. One object
 * per server instance (no module state), so tests run several servers in one process.
 */
import type { Server, Socket } from 'socket.io';
import type { ClassroomLimits } from '../limits.ts';
import type { ClientToServerEvents, ErrorCode, ServerToClientEvents } from '../protocol.ts';
import type { WindowCounter } from '../rate-limit.ts';
import type { RosterBatcher } from './roster-batcher.ts';
import type { ClassSnapshot, ClassStore } from '../store/types.ts';

interface SocketData {
  role: 'instructor' | 'trainee';
  classId: string;
  /** Trainees only. */
  traineeId?: string;
  /** Trainees only, on the first connection: sent once in the welcome, then dropped. */
  newToken?: string;
  /** Trainees only: the trainee already existed (reload, lost network, new device). */
  resumed?: boolean;
  /** Instructors only: the trainees whose session this socket watches. */
  watching?: string[];
}

// biome-ignore lint/complexity/noBannedTypes: Socket.IO's type slot for server-to-server events.
type InterServerEvents = {};

export type ClassroomIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type ClassroomSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export interface ServerContext {
  io: ClassroomIo;
  store: ClassStore;
  limits: ClassroomLimits;
  now: () => number;
  /** Recently read classes, for trainee messages (see openClassForTrainee). */
  classCache: Map<string, { snapshot: ClassSnapshot; readAtMs: number }>;
  /** Roster patches on their way to the instructors. */
  roster: RosterBatcher;
  /** Failed joins per address (unknown code, key or token). */
  failedJoins: WindowCounter;
  log: (line: string) => void;
}

/** A refusal a handler throws: becomes an `error` event (and a failed reply), changes nothing. */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
