import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL server owned by one test file. */
export interface PostgresServer {
  /** Connection URL of the `postgres` database (superuser `postgres`, no password, 127.0.0.1). */
  url: string;
  port: number;
  dataDir: string;
  /** The directory holding initdb, pg_ctl, pg_dump, pg_restore of the same version. */
  binDir: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

const BIN_DIR = findBinDir();

/** False when the PostgreSQL server binaries are missing; tests then skip (see `postgresSkipReason`). */
export const postgresAvailable: boolean = BIN_DIR !== undefined;
export const postgresSkipReason =
  'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (install postgresql; .ci/run does this)';

/** The binaries directory of the newest installed PostgreSQL (pg_dump, pg_restore, ...). */
export function postgresBinDir(): string {
  if (!BIN_DIR) throw new Error(postgresSkipReason);
  return BIN_DIR;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command as the `postgres` OS user when we are root (initdb and postgres refuse to run as root). */
function asPostgres(command: string, args: string[]): { status: number | null; output: string } {
  const runAsRoot = process.getuid?.() === 0;
  const result = runAsRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function postgresUid(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Starts a fresh PostgreSQL server: initdb in a temp dir, pg_ctl start on a free port bound to 127.0.0.1,
 * trust authentication for local connections. One per test file (beforeAll / afterAll).
 */
export async function startPostgres(): Promise<PostgresServer> {
  const binDir = postgresBinDir();
  const root = await mkdtemp(path.join(os.tmpdir(), 'tollgate-pg-'));
  const dataDir = path.join(root, 'data');
  const owner = postgresUid();
  await chmod(root, 0o755);
  if (owner) await chown(root, owner.uid, owner.gid);

  const init = asPostgres(path.join(binDir, 'initdb'), [
    '-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync',
  ]);
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);

  let port = 0;
  let started = false;
  for (let attempt = 0; attempt < 5 && !started; attempt++) {
    port = await freePort();
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=50`;
    const start = asPostgres(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', path.join(root, 'server.log'), '-w', '-t', '60', 'start']);
    started = start.status === 0;
    if (!started && attempt === 4) throw new Error(`pg_ctl start failed:\n${start.output}`);
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    binDir,
    async createDatabase(name: string): Promise<string> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      asPostgres(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      await rm(root, { recursive: true, force: true });
    },
  };
}
