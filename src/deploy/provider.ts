import type { Color } from './config.ts';

/**
 * What a deploy needs from the place the app runs. The state machine (machine.ts) only talks to this,
 * so local processes, nginx and Kubernetes go through the same steps and the same tests.
 * Every method is idempotent: `--resume` and `--rollback` call them again after a crash.
 */
export interface Provider {
  readonly name: 'local' | 'nginx' | 'kubernetes';
  /** The color that receives traffic, or undefined before the first deploy. */
  live(): Promise<Color | undefined>;
  /** Starts `color` with `version` (replacing what ran as that color); resolves when it is started, not yet healthy. */
  start(color: Color, version: string, signal?: AbortSignal): Promise<void>;
  /** Whether the color's process or pods are still up (a crash while waiting for health fails at once). */
  running(color: Color): Promise<boolean>;
  /** Base URL that reaches `color` directly, bypassing the switch; undefined when it cannot be reached. */
  colorUrl(color: Color): string | undefined;
  /** The URL users reach (the live color through the switch), when known. */
  publicUrl(): string | undefined;
  /** Sends new requests to `color`. Requests in flight on the other color keep running. */
  switchTo(color: Color): Promise<void>;
  /**
   * Waits until `color` (no longer live) gets no more traffic; `remaining` > 0 when it timed out:
   * requests in flight, or (`unit`) what else the provider counts, such as endpoints.
   */
  drain(color: Color, timeoutMs: number): Promise<{ remaining: number; unit?: string }>;
  /** Stops `color`. Stopping a stopped color does nothing. */
  stop(color: Color): Promise<void>;
  /** Releases this process's handles (the app keeps running). */
  close(): Promise<void>;
}
