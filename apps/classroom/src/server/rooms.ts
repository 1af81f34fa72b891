/** Socket.IO room names, one place for all: per class, per role, per trainee, per watched log. */
export const rooms = {
  /** Everyone in the class (instructors and trainees). */
  all: (classId: string) => `c:${classId}`,
  instructors: (classId: string) => `c:${classId}:instructors`,
  trainees: (classId: string) => `c:${classId}:trainees`,
  /** One trainee's sockets (a trainee may have two tabs). */
  trainee: (classId: string, traineeId: string) => `c:${classId}:t:${traineeId}`,
  /** Instructors watching one trainee's session log. */
  watch: (classId: string, traineeId: string) => `c:${classId}:w:${traineeId}`,
};
