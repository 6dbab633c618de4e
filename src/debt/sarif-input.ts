import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { UserError } from '../errors/user-error.ts';
import type { DraftFinding, Severity } from '../findings/finding.ts';

/**
 * Reads a SARIF 2.1.0 log written by another tool into tollgate findings, so its warnings can
 * be baselined beside ESLint's and tsc's. Results are keyed `<tool>/<rule>` with the tool's
 * driver name in lower case ("Semgrep OSS" → "semgrep-oss/…"); suppressed results and results
 * that are not failures (kind pass, informational, notApplicable) are left out.
 */

export interface SarifRunInput {
  /** The tool slug: the `checkId` and rule-id prefix of its findings. */
  tool: string;
  findings: DraftFinding[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toolSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'sarif';
}

function severityOf(level: string | undefined): Severity | undefined {
  switch (level) {
    case 'error':
      return 'error';
    case 'note':
      return 'note';
    case 'none':
      return undefined;
    default:
      return 'warning';
  }
}

/** A result's file as a repository-relative POSIX path, or undefined when it is outside the repository. */
function resolveUri(location: Sarif.ArtifactLocation | undefined, run: Sarif.Run, repoRoot: string): string | undefined {
  let artifact = location;
  if (artifact?.uri === undefined && artifact?.index !== undefined) artifact = run.artifacts?.[artifact.index]?.location ?? artifact;
  const uri = artifact?.uri;
  if (!uri) return undefined;
  let absolute: string;
  if (/^file:/i.test(uri)) {
    absolute = fileURLToPath(uri);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
    return undefined; // http: and other schemes are not files of this repository
  } else {
    const baseUri = artifact?.uriBaseId ? run.originalUriBaseIds?.[artifact.uriBaseId]?.uri : undefined;
    const base = baseUri && /^file:/i.test(baseUri) ? fileURLToPath(baseUri.endsWith('/') ? baseUri : `${baseUri}/`) : repoRoot;
    absolute = path.resolve(base, decodeURIComponent(uri));
  }
  const relative = path.relative(repoRoot, absolute).split(path.sep).join('/');
  return relative.startsWith('../') || relative === '..' || path.isAbsolute(relative) ? undefined : relative;
}

function ruleOf(result: Sarif.Result, run: Sarif.Run): { id: string; descriptor: Sarif.ReportingDescriptor | undefined } {
  const rules = run.tool.driver.rules ?? [];
  const index = result.ruleIndex ?? result.rule?.index;
  const byIndex = index === undefined ? undefined : rules[index];
  const id = result.ruleId ?? result.rule?.id ?? byIndex?.id ?? 'unknown';
  return { id, descriptor: byIndex ?? rules.find((r) => r.id === id) };
}

function isSuppressed(result: Sarif.Result): boolean {
  return (result.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted');
}

function toFinding(result: Sarif.Result, run: Sarif.Run, tool: string, repoRoot: string): DraftFinding | undefined {
  if (result.kind !== undefined && result.kind !== 'fail') return undefined;
  if (isSuppressed(result)) return undefined;
  const { id, descriptor } = ruleOf(result, run);
  const severity = severityOf(result.level ?? descriptor?.defaultConfiguration?.level);
  if (!severity) return undefined;
  const physical = result.locations?.[0]?.physicalLocation;
  const filePath = resolveUri(physical?.artifactLocation, run, repoRoot);
  if (filePath === undefined) return undefined;
  const region = physical?.region;
  const snippet = region?.snippet?.text;
  const help = descriptor?.helpUri;
  return {
    checkId: tool,
    ruleId: `${tool}/${id}`,
    severity,
    message: result.message.text ?? result.message.markdown ?? descriptor?.shortDescription?.text ?? id,
    location: {
      path: filePath,
      line: region?.startLine ?? 0,
      column: region?.startColumn ?? 0,
      ...(region?.endLine === undefined ? {} : { endLine: region.endLine }),
      ...(region?.endColumn === undefined ? {} : { endColumn: region.endColumn }),
    },
    ...(snippet === undefined ? {} : { snippet }),
    ...(help === undefined ? {} : { help }),
  };
}

/**
 * Parses SARIF text; `displayPath` names the file in errors. Relative URIs without a base id
 * are taken as relative to the repository root (as GitHub code scanning does).
 */
export function parseSarif(text: string, displayPath: string, repoRoot: string): SarifRunInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${displayPath} is not valid JSON, so not a SARIF log (${(error as Error).message}).`, { file: displayPath, cause: error });
  }
  if (!isObject(json) || !Array.isArray(json.runs)) {
    throw new UserError(`${displayPath} is not a SARIF log: expected an object with a "runs" array (SARIF 2.1.0).`, { file: displayPath });
  }
  const inputs: SarifRunInput[] = [];
  json.runs.forEach((run: unknown, i: number) => {
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || typeof run.tool.driver.name !== 'string') {
      throw new UserError(`${displayPath}: runs[${i}].tool.driver.name: expected the name of the tool that wrote the run.`, { file: displayPath });
    }
    const typed = run as unknown as Sarif.Run;
    const tool = toolSlug(typed.tool.driver.name);
    const findings: DraftFinding[] = [];
    (typed.results ?? []).forEach((result, j) => {
      if (!isObject(result) || !isObject(result.message)) {
        throw new UserError(`${displayPath}: runs[${i}].results[${j}].message: expected an object with "text".`, { file: displayPath });
      }
      const finding = toFinding(result, typed, tool, repoRoot);
      if (finding) findings.push(finding);
    });
    inputs.push({ tool, findings });
  });
  return inputs;
}

export async function readSarifFile(absPath: string, displayPath: string, repoRoot: string): Promise<SarifRunInput[]> {
  const text = await readFile(absPath, 'utf8');
  return parseSarif(text, displayPath, repoRoot);
}
