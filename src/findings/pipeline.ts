import type { TollgateConfig } from '../config/schema.ts';
import type { DraftFinding, Finding } from './finding.ts';
import { fingerprint } from './fingerprint.ts';
import type { Redactor } from './redactor.ts';
import { RuleSettings } from './rule-settings.ts';
import { parseSuppressions, suppressionCovers, type Suppression } from './suppressions.ts';

export const SUPPRESSION_RULE = 'tollgate/suppression-without-reason';

export interface PipelineInput {
  findings: DraftFinding[];
  config: Pick<TollgateConfig, 'rules' | 'overrides'>;
  redactor: Redactor;
  /** The text checks saw for a path (index content in quick mode), for suppressions. */
  readText(path: string): Promise<string | undefined>;
}

export interface PipelineOutput {
  findings: Finding[];
  /** How many findings inline suppressions removed. */
  suppressed: number;
}

/**
 * Everything between "a check found something" and "a reporter prints it", as one ordered
 * chain: severities from config, inline suppressions, fingerprints, dedupe, redaction, sort.
 */
export async function processFindings(input: PipelineInput): Promise<PipelineOutput> {
  const settings = new RuleSettings(input.config);
  const leveled: DraftFinding[] = [];
  for (const f of input.findings) {
    const setting = settings.resolve(f.ruleId, f.location.path, f.severity);
    if (setting === 'off') continue;
    leveled.push({ ...f, severity: setting });
  }

  const { kept, suppressed, extra } = await applySuppressions(leveled, input.readText);
  const redacted = [...kept, ...extra].map((f) => redact(f, input.redactor));
  const fingerprinted = assignFingerprints(redacted);
  return { findings: sortFindings(dedupe(fingerprinted)), suppressed };
}

async function applySuppressions(
  findings: DraftFinding[],
  readText: (path: string) => Promise<string | undefined>,
): Promise<{ kept: DraftFinding[]; suppressed: number; extra: DraftFinding[] }> {
  const byPath = new Map<string, Suppression[]>();
  const extra: DraftFinding[] = [];
  const paths = new Set(findings.map((f) => f.location.path).filter(Boolean));
  for (const p of paths) {
    const text = await readText(p);
    const list = text === undefined ? [] : parseSuppressions(text);
    byPath.set(p, list);
    for (const s of list) {
      if (s.reason) continue;
      extra.push({
        checkId: 'tollgate',
        ruleId: SUPPRESSION_RULE,
        severity: 'error',
        message: `Suppression without a reason: write \`tollgate-ignore ${s.rules.join(', ') || '<rule-id>'}: <why this is safe>\``,
        location: { path: p, line: s.line, column: s.column },
        fix: { description: 'Add a reason after a colon, or remove the comment.' },
      });
    }
  }
  let suppressed = 0;
  const kept = findings.filter((f) => {
    const list = byPath.get(f.location.path) ?? [];
    const hit = list.some((s) => suppressionCovers(s, f.ruleId, f.location.line));
    if (hit) suppressed++;
    return !hit;
  });
  return { kept, suppressed, extra };
}

function redact(f: DraftFinding, redactor: Redactor): DraftFinding {
  if (redactor.size === 0) return f;
  return {
    ...f,
    message: redactor.apply(f.message),
    ...(f.snippet === undefined ? {} : { snippet: redactor.apply(f.snippet) }),
    ...(f.fix === undefined ? {} : { fix: { ...f.fix, description: redactor.apply(f.fix.description) } }),
  };
}

/** Findings without a fingerprint get one from their rule, path and snippet (or message). */
function assignFingerprints(findings: DraftFinding[]): Finding[] {
  const occurrences = new Map<string, number>();
  return findings.map((f) => {
    if (f.fingerprint) return f as Finding;
    const content = f.snippet ?? f.message;
    const key = `${f.ruleId}\0${f.location.path}\0${content}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return { ...f, fingerprint: fingerprint({ ruleId: f.ruleId, path: f.location.path, content, occurrence }) };
  });
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.ruleId, f.location.path, f.location.line, f.location.column, f.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Strings in code-unit order, as git lists paths: the same on every machine and in every locale,
 * and no ICU collator to load (about 15 ms of a run that reports anything).
 */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    byCodeUnit(a.location.path, b.location.path) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    byCodeUnit(a.ruleId, b.ruleId) ||
    byCodeUnit(a.message, b.message)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
