/**
 * Fault injection for the crash-safety tests of `--fix`, and nothing else:
 * `TOLLGATE_FAULT_AFTER=<step>` makes the process SIGKILL itself right after that step, the
 * way a power cut or a `kill -9` would. Steps, in order: 'record-written', 'index-written',
 * 'worktree-partial' (after the first working-tree file), 'worktree-written'.
 */
export type FaultStep = 'record-written' | 'index-written' | 'worktree-partial' | 'worktree-written';

export function faultPoint(step: FaultStep): void {
  if (process.env.TOLLGATE_FAULT_AFTER === step) process.kill(process.pid, 'SIGKILL');
}
