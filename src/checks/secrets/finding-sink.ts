import { createHash } from 'node:crypto';
import type { Finding } from '../../findings/finding.ts';
import { fingerprint } from '../../findings/fingerprint.ts';
import type { Redactor } from '../../findings/redactor.ts';
import { ruleDocPath, type RuleMeta } from '../../rules/rule.ts';
import type { BaselineEntry } from './baseline.ts';
import type { DetectedSecret } from './detector.ts';
import { describeCommit, type HistoryCommit } from './history.ts';
import { maskSecret, maskedSnippet } from './secret-mask.ts';

/** Fingerprint of a secret finding: rule + hash of the secret + path, never the line. */
export function secretFingerprint(ruleId: string, path: string, secret: string): string {
  return fingerprint({ ruleId, path, content: secret === '' ? '' : createHash('sha256').update(secret).digest('hex') });
}

/** The parts of a multi-line secret (a PEM body) that could show up alone in other output. */
export function secretParts(secret: string): string[] {
  if (!secret.includes('\n') && !secret.includes('\\n')) return [secret];
  return secret
    .split(/\\n|\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 16 && !part.startsWith('-----'));
}

export interface PlacedSecret {
  detected: DetectedSecret;
  path: string;
  /** Position in the file (differs from the detector's for history, which scans added lines only). */
  line: number;
  endLine: number;
  commit?: HistoryCommit;
}

/**
 * Turns what the detector found into Findings: messages and snippets masked by construction
 * (first characters + hash), every secret registered with the run's redactor before anything
 * is returned, fingerprints from the secret's hash. Keeps the masked value for the baseline.
 */
export class FindingSink {
  private readonly redactor: Redactor;
  private readonly byKey = new Map<string, Finding>();
  private readonly masks = new Map<string, string>();

  constructor(redactor: Redactor) {
    this.redactor = redactor;
  }

  get findings(): Finding[] {
    return [...this.byKey.values()];
  }

  has(fp: string): boolean {
    return this.masks.has(fp);
  }

  /** A secret found in content. For history, a later (older) commit replaces an earlier one. */
  addSecret(placed: PlacedSecret): void {
    const { detected: d, path } = placed;
    this.register(d.secret);
    if (d.blob) this.register(d.blob);
    const fp = secretFingerprint(d.rule.meta.id, path, d.secret);
    const mask = maskSecret(d.secret);
    const encoded = d.encodings.length > 0 ? ` inside ${d.encodings.join(', then ')}-encoded text` : '';
    const detail = d.detail ? ` (${d.detail})` : '';
    const history = placed.commit ? `, added in ${describeCommit(placed.commit)}` : '';
    const finding: Finding = {
      checkId: 'secrets',
      ruleId: d.rule.meta.id,
      severity: d.severity,
      message: `${d.label} ${mask}${encoded}${detail}${history}.`,
      location: {
        path,
        line: placed.line,
        column: d.column,
        ...(placed.endLine !== placed.line ? { endLine: placed.endLine } : {}),
        ...(placed.endLine === placed.line ? { endColumn: d.endColumn } : {}),
      },
      fingerprint: fp,
      fix: { description: d.rule.meta.fixHint },
      help: ruleDocPath(d.rule.meta.id),
      snippet: maskedSnippet(d.lineText, [d.secret, ...(d.blob ? [d.blob] : []), ...secretParts(d.secret)]),
    };
    // The same secret at the same place is one finding; in history the oldest commit wins.
    const key = placed.commit ? `${fp}` : `${fp}\0${placed.line}\0${d.column}`;
    this.byKey.set(key, finding);
    this.masks.set(fp, mask);
  }

  /** A finding about a whole file (a blocked file). */
  addFile(meta: RuleMeta, path: string, message: string, commit?: HistoryCommit): void {
    const fp = secretFingerprint(meta.id, path, '');
    this.byKey.set(commit ? fp : `${fp}\0file`, {
      checkId: 'secrets',
      ruleId: meta.id,
      severity: meta.severity,
      message: commit ? `${message.replace(/\.$/, '')} (${describeCommit(commit)}).` : message,
      location: { path, line: 0, column: 0 },
      fingerprint: fp,
      fix: { description: meta.fixHint },
      help: ruleDocPath(meta.id),
    });
    this.masks.set(fp, '');
  }

  baselineEntries(): BaselineEntry[] {
    return this.findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, path: f.location.path, secret: this.masks.get(f.fingerprint) ?? '' }));
  }

  private register(secret: string): void {
    for (const part of secretParts(secret)) this.redactor.add(part);
    this.redactor.add(secret);
  }
}
