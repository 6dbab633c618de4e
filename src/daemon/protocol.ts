/**
 * The daemon's wire format: one JSON object per line. The client sends one request; the daemon
 * answers with the command's output and exit code, or `stale` when its warm state no longer
 * matches the repository (the client then runs in-process and a fresh daemon starts).
 */
export type DaemonRequest = RunRequest | { kind: 'status' } | { kind: 'stop' };

export interface RunRequest {
  kind: 'run';
  /** process.argv of the client (node, script, command, flags…). */
  argv: string[];
  cwd: string;
  /** The variables that change what tollgate prints or decides (colour, CI). */
  env: Record<string, string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** Output is streamed as it is written (`out`/`err`), then `done` with the exit code. */
export type DaemonReply =
  | { type: 'out'; data: string }
  | { type: 'err'; data: string }
  | { type: 'done'; exitCode: number }
  | { type: 'stale'; reason: string }
  | { type: 'status'; pid: number; root: string; socket: string; served: number; startedAt: string; idleMs: number }
  | { type: 'stopping' };

/** Environment variables forwarded to the daemon for a request; nothing else of the client's env is used. */
export const FORWARDED_ENV = ['CI', 'NO_COLOR', 'FORCE_COLOR', 'TERM', 'GITHUB_ACTIONS', 'TOLLGATE_DEBUG'] as const;

/** Reads newline-delimited JSON from a socket's chunks. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer | string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString();
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      if (line.trim()) onLine(line);
    }
  };
}
