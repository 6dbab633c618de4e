import { createHash } from 'node:crypto';
import pg from 'pg';
import { UserError } from '../errors/user-error.ts';

/** Advisory lock keys of an environment's deploy lock: a fixed namespace and the environment's hash. */
export function deployLockKeys(environment: string): [number, number] {
  const digest = createHash('sha256').update(`tollgate-deploy:${environment}`).digest();
  return [0x746f6c6c | 0, digest.readInt32BE(0)];
}

export interface DatabaseLock {
  release(): Promise<void>;
}

/**
 * One deploy per environment across machines: a session-level PostgreSQL advisory lock taken with a
 * polling pg_try_advisory_lock on its own connection, held for the whole deploy. A deploy process
 * that dies drops its connection and with it the lock, so `--resume` can take it at once.
 */
export async function acquireDatabaseLock(options: {
  url: string;
  environment: string;
  timeoutMs: number;
  pollMs?: number;
  log?: (line: string) => void;
  signal?: AbortSignal | undefined;
}): Promise<DatabaseLock> {
  const client = new pg.Client({ connectionString: options.url, application_name: `tollgate deploy ${options.environment}` });
  await client.connect();
  const [namespace, key] = deployLockKeys(options.environment);
  const started = Date.now();
  let announced = false;
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [namespace, key]);
      if (rows[0]?.locked) break;
      if (!announced) {
        options.log?.(`waiting for the database deploy lock of ${options.environment} (another deploy holds it)`);
        announced = true;
      }
      if (options.signal?.aborted) throw new UserError('deploy cancelled while waiting for the database deploy lock');
      if (Date.now() - started > options.timeoutMs) {
        throw new UserError(`another deploy of ${options.environment} still holds the database advisory lock after ${options.timeoutMs} ms (deploy.environments.*.lockTimeoutMs)`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
    }
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async release() {
      try {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [namespace, key]);
      } finally {
        await client.end();
      }
    },
  };
}
