/**
 * What the server sends of its records: the class as trainees and instructors see it, and the
 * roster line of a trainee. The instructor key hash and trainee token hashes never leave here.
 */
import type { ClassView, InstructorClassView, RosterEntry } from '../protocol.ts';
import type { ClassSnapshot, TraineeRecord } from '../store/types.ts';

export function classView(snapshot: ClassSnapshot): ClassView {
  const { record, status } = snapshot;
  return {
    classId: record.classId,
    title: record.title,
    state: status.state,
    createdAtMs: record.createdAtMs,
    expiresAtMs: record.expiresAtMs,
    startedAtMs: status.startedAtMs,
    endedAtMs: status.endedAtMs,
    assignment: snapshot.assignment,
  };
}

export function instructorClassView(snapshot: ClassSnapshot): InstructorClassView {
  return { ...classView(snapshot), code: snapshot.record.code, joinUrl: snapshot.record.joinUrl };
}

export function rosterEntry(
  t: TraineeRecord,
  classAssignment: ClassSnapshot['assignment'],
): RosterEntry {
  return {
    traineeId: t.profile.traineeId,
    name: t.profile.name,
    group: t.group,
    connected: t.connection.connected,
    joinedAtMs: t.profile.joinedAtMs,
    lastSeenAtMs: Math.max(t.connection.changedAtMs, t.progress?.updatedAtMs ?? 0),
    assignment: t.assignment ?? classAssignment,
    progress: t.progress,
  };
}
