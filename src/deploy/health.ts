import type { z } from 'zod';
import type { HealthSchema } from './config.ts';

export type HealthConfig = z.output<typeof HealthSchema>;

export interface ProbeResult {
  ok: boolean;
  /** Status code, or the network error when there was no answer. */
  detail: string;
}

/** One health request. */
export async function probe(url: string, health: HealthConfig): Promise<ProbeResult> {
  try {
    const response = await fetch(new URL(health.path, url), { signal: AbortSignal.timeout(health.requestTimeoutMs), headers: { connection: 'close' } });
    await response.arrayBuffer();
    return { ok: response.status === health.expectStatus, detail: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { ok: false, detail: cause?.code ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Polls the health endpoint until it answers `expectStatus`. Fails early when `stillRunning` says the
 * process is gone, and at `timeoutMs` with the last answer.
 */
export async function waitHealthy(
  url: string,
  health: HealthConfig,
  stillRunning: () => Promise<boolean>,
  signal?: AbortSignal,
): Promise<{ ok: true; durationMs: number } | { ok: false; reason: string }> {
  const started = performance.now();
  for (;;) {
    if (signal?.aborted) return { ok: false, reason: 'aborted' };
    const last = await probe(url, health);
    if (last.ok) return { ok: true, durationMs: performance.now() - started };
    if (!(await stillRunning())) return { ok: false, reason: `the process exited before it was healthy (last health answer: ${last.detail})` };
    if (performance.now() - started > health.timeoutMs) {
      return { ok: false, reason: `not healthy after ${health.timeoutMs} ms: ${health.path} answered ${last.detail}, expected HTTP ${health.expectStatus}` };
    }
    await new Promise((resolve) => setTimeout(resolve, health.intervalMs));
  }
}
