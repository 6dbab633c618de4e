import { spawn } from 'node:child_process';
import type { SmokeCheck } from './config.ts';

export interface SmokeResult {
  name: string;
  ok: boolean;
  detail: string;
  durationMs: number;
}

async function httpCheck(check: Extract<SmokeCheck, { path: string }>, baseUrl: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const response = await fetch(new URL(check.path, baseUrl), {
      method: check.method,
      body: check.body,
      headers: check.body === undefined ? {} : { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(check.timeoutMs),
    });
    const body = await response.text();
    if (response.status !== check.expectStatus) return { ok: false, detail: `${check.method} ${check.path} answered HTTP ${response.status}, expected ${check.expectStatus}` };
    if (check.bodyIncludes !== undefined && !body.includes(check.bodyIncludes)) {
      return { ok: false, detail: `${check.method} ${check.path}: the body does not contain ${JSON.stringify(check.bodyIncludes)}` };
    }
    return { ok: true, detail: `${check.method} ${check.path} → HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { ok: false, detail: `${check.method} ${check.path}: ${cause?.code ?? (error instanceof Error ? error.message : String(error))}` };
  }
}

function commandCheck(check: Extract<SmokeCheck, { command: string }>, baseUrl: string, cwd: string): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout kills what the command started too (and their pipes close).
    const child = spawn('sh', ['-c', check.command], { cwd, env: { ...process.env, TOLLGATE_SMOKE_URL: baseUrl }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-2_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, check.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const tail = output.trim().split('\n').slice(-5).join('\n');
      if (code === 0) resolve({ ok: true, detail: `\`${check.command}\` passed` });
      else resolve({ ok: false, detail: `\`${check.command}\` ${signal ? `was killed (${signal}, timeout ${check.timeoutMs} ms)` : `exited ${code}`}${tail ? `:\n${tail}` : ''}` });
    });
    child.on('error', (error) => resolve({ ok: false, detail: `\`${check.command}\`: ${error.message}` }));
  });
}

/** Runs the smoke checks in order against `baseUrl` (the idle color); stops at the first failure. */
export async function runSmokeChecks(checks: SmokeCheck[], baseUrl: string, cwd: string): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  for (const check of checks) {
    const started = performance.now();
    const outcome = 'command' in check ? await commandCheck(check, baseUrl, cwd) : await httpCheck(check, baseUrl);
    results.push({ name: check.name, ...outcome, durationMs: performance.now() - started });
    if (!outcome.ok) break;
  }
  return results;
}
