import type { EnvironmentJournal } from './journal.ts';
import type { DeployOutcome } from './machine.ts';

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);

/** The closing lines of a deploy: what is live, why it failed, where the time went. */
export function formatOutcome(outcome: DeployOutcome): string {
  const live = outcome.live ? `${outcome.live.version} on ${outcome.live.color}` : 'nothing';
  const head: Record<DeployOutcome['state'], string> = {
    succeeded: `✔ deployed: ${outcome.message}`,
    unchanged: `• ${outcome.message}; live: ${live}`,
    failed: `✖ deploy failed before the switch, live traffic untouched (${live}): ${outcome.message}`,
    'rolled-back': `✖ deploy rolled back, live again: ${live}: ${outcome.message}`,
  };
  const lines = [head[outcome.state]];
  if (outcome.state !== 'unchanged') {
    const t = outcome.timings;
    // What tollgate itself adds: not the app's boot, the migrations or the watch window the config asks for.
    const overhead = Math.max(0, t.totalMs - t.appStartMs - t.migrateMs - t.watchMs);
    lines.push(
      `  total ${ms(t.totalMs)} · migrate ${ms(t.migrateMs)} · app start ${ms(t.appStartMs)} · smoke ${ms(t.smokeMs)} · switch ${ms(t.switchMs)} · drain ${ms(t.drainMs)} · watch ${ms(t.watchMs)} · overhead ${ms(overhead)}`,
    );
  }
  return lines.join('\n');
}

/** `tollgate deploy --status`: the journal of one environment, newest first. */
export function formatJournal(environment: string, journal: EnvironmentJournal): string {
  const release = (r: EnvironmentJournal['live']): string => (r ? `${r.version} on ${r.color}` : 'nothing');
  const lines = [`${environment}: live ${release(journal.live)} · previous ${release(journal.previous)}`];
  const current = journal.current;
  if (current) {
    const last = current.steps.at(-1);
    lines.push(
      `  interrupted: ${current.kind} ${current.id} of ${current.version} (${current.state}${last ? `, last step: ${last.step} ${last.status}` : ''}); run --resume or --rollback`,
    );
  }
  for (const record of journal.history.slice(0, 10)) {
    const took = record.finishedAt ? ` in ${ms(Date.parse(record.finishedAt) - Date.parse(record.startedAt))}` : '';
    lines.push(`  ${record.startedAt}  ${record.kind.padEnd(8)} ${record.version.padEnd(16)} ${record.state.padEnd(11)} → ${record.to}${took}${record.error ? `: ${record.error}` : ''}`);
  }
  if (!current && journal.history.length === 0) lines.push('  no deploy yet');
  return lines.join('\n');
}
