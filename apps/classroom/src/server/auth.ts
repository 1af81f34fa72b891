/**
 * The handshake middleware: every socket says who it is in `auth` before it is let in.
 * - `{ role: 'instructor', key }`: the class whose instructor key hashes to this.
 * - `{ role: 'trainee', code, name }`: joins the class of that code as a new trainee and gets a
 *   token (in the welcome) to come back as the same trainee.
 * - `{ role: 'trainee', code, token }`: comes back (reload, new network) as that trainee. With a
 *   name too, an unknown token (the class forgot it) joins afresh instead of failing.
 * Refusals reach the client as `connect_error` with `data.code`. Unknown codes, keys and tokens
 * count against the address, so join codes cannot be guessed at speed. With connection-state
 * recovery (`skipMiddlewares`), a socket that recovers its session skips this step and keeps
 * its `socket.data`.
 */
import type { ExtendedError } from 'socket.io';
import { type ConnectErrorCode, HandshakeAuthSchema } from '../protocol.ts';
import { hashSecret, newId, newSecret } from '../secrets.ts';
import { quoteValue } from '../text.ts';
import { parseWith } from '../validate.ts';
import type { ClassroomSocket, ServerContext } from './context.ts';

class HandshakeRefusal extends Error {
  constructor(
    readonly code: ConnectErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * @example
 * io.use(handshake(ctx));
 */
export function handshake(ctx: ServerContext) {
  return (socket: ClassroomSocket, next: (err?: ExtendedError) => void): void => {
    authenticate(ctx, socket).then(
      () => next(),
      (error: unknown) => {
        const refusal =
          error instanceof HandshakeRefusal
            ? error
            : new HandshakeRefusal('internal', 'the server could not check this connection');
        if (!(error instanceof HandshakeRefusal)) ctx.log(`handshake failed: ${String(error)}`);
        const err: ExtendedError = new Error(refusal.message);
        err.data = { code: refusal.code };
        next(err);
      },
    );
  };
}

async function authenticate(ctx: ServerContext, socket: ClassroomSocket): Promise<void> {
  const address = socket.handshake.address;
  if (ctx.failedJoins.exceeded(address)) {
    throw new HandshakeRefusal(
      'rate-limited',
      'too many failed joins from this address; wait a minute',
    );
  }
  const parsed = parseWith(HandshakeAuthSchema, socket.handshake.auth);
  if (!parsed.ok) throw new HandshakeRefusal('invalid-auth', `auth.${parsed.message}`);
  const auth = parsed.value;
  const { store } = ctx;

  if (auth.role === 'instructor') {
    const classId = await store.classIdByKeyHash(hashSecret(auth.key));
    if (!classId) {
      ctx.failedJoins.add(address);
      throw new HandshakeRefusal(
        'unknown-class',
        'no class has this instructor key (it may have expired)',
      );
    }
    socket.data = { role: 'instructor', classId };
    return;
  }

  const classId = await store.classIdByCode(auth.code);
  const snapshot = classId ? await store.getClass(classId) : null;
  if (!classId || !snapshot) {
    ctx.failedJoins.add(address);
    throw new HandshakeRefusal(
      'unknown-class',
      `no class has join code ${quoteValue(auth.code)} (it may have expired)`,
    );
  }
  if (snapshot.status.state === 'ended') {
    throw new HandshakeRefusal('class-ended', 'this class has ended');
  }
  if (auth.token !== undefined) {
    const traineeId = await store.traineeIdByTokenHash(classId, hashSecret(auth.token));
    if (traineeId) {
      socket.data = { role: 'trainee', classId, traineeId, resumed: true };
      return;
    }
    if (auth.name === undefined) {
      ctx.failedJoins.add(address);
      throw new HandshakeRefusal('unknown-token', 'this class does not know this trainee token');
    }
  }
  const token = newSecret();
  const traineeId = newId();
  const nowMs = ctx.now();
  const added = await store.addTrainee(
    classId,
    { traineeId, name: auth.name ?? '', tokenHash: hashSecret(token), joinedAtMs: nowMs },
    {
      group: null,
      assignment: null,
      connection: { connected: false, socketId: null, changedAtMs: nowMs },
      progress: null,
    },
    ctx.limits.maxTraineesPerClass,
  );
  if (added === 'full') {
    throw new HandshakeRefusal(
      'class-full',
      `this class is full (${ctx.limits.maxTraineesPerClass} trainees)`,
    );
  }
  socket.data = { role: 'trainee', classId, traineeId, newToken: token, resumed: false };
}
