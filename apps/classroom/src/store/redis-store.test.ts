import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServerHandle, startRedisServer } from '../load/redis-server.ts';
import { type RedisClient, RedisClassStore } from './redis-store.ts';
import { classRecord, storeContract } from './store-contract.ts';

let server: RedisServerHandle | null = null;
let client: RedisClient;
let store: RedisClassStore;
let n = 0;
const unique = () => `r${String(++n).padStart(5, '0')}`;

server = await startRedisServer();
if (!server) {
  const reason =
    'redis-server is not installed (apt-get install redis-server; .ci/run installs it)';
  // CI installs it (.ci/run), so there a missing redis-server is a failure, not a skip.
  if (process.env.CI) throw new Error(`redis-store.test.ts: ${reason}`);
  console.log(`redis-store.test.ts: SKIPPED — ${reason}`);
}

describe.skipIf(!server)('RedisClassStore (real redis-server on loopback)', () => {
  beforeAll(async () => {
    client = createClient({ url: server?.url });
    await client.connect();
    store = new RedisClassStore(client, `test${process.pid}:`);
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });

  storeContract(() => store, unique);

  it('sets every key of a class to expire with the class', async () => {
    const record = classRecord('exp1', 'EXPIRE');
    await store.createClass(record);
    await store.addTrainee(
      'exp1',
      { traineeId: 't', name: 'T', tokenHash: 'h', joinedAtMs: 1 },
      {
        group: null,
        assignment: null,
        connection: { connected: true, socketId: null, changedAtMs: 1 },
        progress: null,
      },
      5,
    );
    await store.appendHistory('exp1', 't', 'steps', { index: 0, atMs: 1, points: 1 }, 5);
    await store.appendSession(
      'exp1',
      't',
      [{ timeMs: 1, command: { type: 'pull', target: 'A.cpu-1' } }],
      5,
    );
    await store.addMessage('exp1', { text: 'hi', atMs: 1 }, 5);
    const keys = await client.keys(`test${process.pid}:*exp1*`);
    keys.push(`test${process.pid}:code:EXPIRE`);
    expect(keys.length).toBeGreaterThanOrEqual(7);
    for (const key of keys) {
      const at = await client.pExpireTime(key);
      expect(at, key).toBe(record.expiresAtMs);
    }
  });
});
