import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Unix socket paths are limited to about 104 bytes; a deep checkout gets one in the temp dir instead. */
const MAX_SOCKET_PATH = 100;

export function socketPath(runtimeDir: string, name = 'runtime'): string {
  const preferred = path.join(runtimeDir, `${name}.sock`);
  if (preferred.length <= MAX_SOCKET_PATH) return preferred;
  const hash = createHash('sha256').update(path.resolve(runtimeDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `tollgate-deploy-${hash}-${name}.sock`);
}

/** Where the local runtime of an environment keeps its socket, state and logs. */
export function runtimeDir(cwd: string, environment: string): string {
  return path.join(cwd, '.tollgate', 'deploy', environment);
}
