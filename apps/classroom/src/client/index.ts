/**
 * The classroom client for browsers and Node (socket.io-client): what the instructor and trainee
 * pages and the load tool use. See docs/classroom.md for the flows.
 *
 * @example
 * import { connectTrainee, createClass, connectInstructor } from '@ft/classroom/client';
 */
export { ClassroomError, type ConnectionEvent, type ConnectOptions } from './connection.ts';
export {
  connectInstructor,
  createClass,
  InstructorClient,
  type InstructorConnectOptions,
  type InstructorEvents,
  type TraineeWatch,
} from './instructor.ts';
export {
  connectTrainee,
  defaultTokenStore,
  type FaultOutcome,
  type TokenStore,
  TraineeClient,
  type TraineeConnectOptions,
  type TraineeEvents,
} from './trainee.ts';
export type * from '../protocol.ts';
export { CLASS_STATES, FAULT_KINDS, SYSTEM_STATUSES } from '../protocol.ts';
