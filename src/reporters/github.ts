import * as core from '@actions/core';
import { SEVERITIES, type Finding, type Severity } from '../findings/finding.ts';
import type { RunReport } from '../runner/run.ts';
import { plural } from './counts.ts';
import type { ReportContext } from './reporter.ts';
import { summaryMarkdown, type AnnotationShortfall } from './summary.ts';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
 * job); the rest are dropped without a word. tollgate emits up to this many of each level and
 * says how many it held back.
 */
export const ANNOTATION_CAP = 10;

function annotationProperties(f: Finding): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title: f.ruleId };
  if (f.location.path) props.file = f.location.path;
  if (f.location.path && f.location.line > 0) {
    props.startLine = f.location.line;
    props.endLine = f.location.endLine !== undefined && f.location.endLine >= f.location.line ? f.location.endLine : f.location.line;
    // GitHub uses columns only for single-line annotations.
    if (props.endLine === props.startLine && f.location.column > 0) {
      props.startColumn = f.location.column;
      if (f.location.endColumn !== undefined && f.location.endColumn > f.location.column) props.endColumn = f.location.endColumn;
    }
  }
  return props;
}

function annotationText(f: Finding): string {
  if (!f.fix) return f.message;
  return f.fix.applied ? `${f.message}\n(fixed by tollgate --fix)` : `${f.message}\nFix: ${f.fix.description}`;
}

/**
 * Which findings of one level to show when there are more than the cap: findings still to be
 * fixed before ones --fix already fixed, and one of each rule before a second of any rule, so
 * 25 trailing spaces cannot hide the one leaked key. Inside that, the report's order.
 */
export function mostRelevant(findings: readonly Finding[], cap: number): Finding[] {
  if (findings.length <= cap) return [...findings];
  const pending = findings.filter((f) => !f.fix?.applied);
  const fixed = findings.filter((f) => f.fix?.applied);
  const picked: Finding[] = [];
  for (const group of [pending, fixed]) {
    const byRule = new Map<string, Finding[]>();
    for (const f of group) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    const queues = [...byRule.values()];
    for (let round = 0; picked.length < cap && queues.some((q) => q.length > round); round++) {
      for (const queue of queues) {
        const f = queue[round];
        if (f && picked.length < cap) picked.push(f);
      }
    }
  }
  const order = new Map(findings.map((f, i) => [f, i]));
  return picked.sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Picks the annotations to emit per level, without emitting anything. */
export function planAnnotations(findings: readonly Finding[]): { annotations: Finding[]; shortfall: AnnotationShortfall } {
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const heldBack: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const annotations: Finding[] = [];
  for (const severity of SEVERITIES) {
    const level = findings.filter((f) => f.severity === severity);
    const picked = mostRelevant(level, ANNOTATION_CAP);
    annotations.push(...picked);
    shown[severity] = picked.length;
    heldBack[severity] = level.length - picked.length;
  }
  return { annotations, shortfall: { shown, heldBack } };
}

/** Where the findings that were not annotated can be read, for the held-back line. */
export interface FullListPlaces {
  summary: boolean;
  sarifFile?: string | undefined;
}

/** The log line that says annotations were held back, or undefined when none were. */
export function heldBackMessage(shortfall: AnnotationShortfall, places: FullListPlaces): string | undefined {
  const levels = SEVERITIES.filter((s) => shortfall.heldBack[s] > 0);
  if (levels.length === 0) return undefined;
  const total = levels.reduce((sum, s) => sum + shortfall.heldBack[s], 0);
  const detail = levels.map((s) => `${shortfall.shown[s]} of ${plural(shortfall.shown[s] + shortfall.heldBack[s], s)} shown`).join(', ');
  const where = ['the report below', ...(places.summary ? ['the job summary'] : []), ...(places.sarifFile ? [`the SARIF file ${places.sarifFile}`] : [])];
  const list = where.length === 1 ? where[0] : `${where.slice(0, -1).join(', ')} and ${where.at(-1)}`;
  return `tollgate: ${plural(total, 'finding')} not annotated: GitHub shows at most ${ANNOTATION_CAP} annotations of each level per step (${detail}). All findings are in ${list}.`;
}

/** Emits the planned annotations through @actions/core (workflow commands on stdout). */
export function emitAnnotations(findings: readonly Finding[], places: FullListPlaces = { summary: false }): AnnotationShortfall {
  const { annotations, shortfall } = planAnnotations(findings);
  for (const f of annotations) {
    const props = annotationProperties(f);
    const text = annotationText(f);
    if (f.severity === 'error') core.error(text, props);
    else if (f.severity === 'warning') core.warning(text, props);
    else core.notice(text, props);
  }
  const message = heldBackMessage(shortfall, places);
  if (message) core.info(message);
  return shortfall;
}

/**
 * Annotations on stdout and, when GITHUB_STEP_SUMMARY is set, the job summary. A summary that
 * cannot be written is reported on stderr; it never changes the verdict.
 */
export async function emitGithub(report: RunReport, context: ReportContext, options: { sarifFile?: string | undefined } = {}): Promise<void> {
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  const shortfall = emitAnnotations(report.findings, { summary: Boolean(summaryFile), sarifFile: options.sarifFile });
  if (!summaryFile) return;
  try {
    await core.summary.addRaw(summaryMarkdown(report, context, shortfall), true).write();
  } catch (error) {
    core.summary.emptyBuffer();
    process.stderr.write(`tollgate: could not write the job summary to ${summaryFile}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
