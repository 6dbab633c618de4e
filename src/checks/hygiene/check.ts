import type { DraftFinding } from '../../findings/finding.ts';
import { ruleDocPath } from '../../rules/rule.ts';
import { HYGIENE_RULES } from '../../../rules/hygiene/index.ts';
import type { Check, CheckContext, CheckResult } from '../check.ts';
import { looksBinary } from './binary.ts';
import type { HygieneFileRule, HygieneReport, HygieneRepoRule } from './rule-context.ts';

function toFinding(rule: HygieneFileRule | HygieneRepoRule, path: string, r: HygieneReport): DraftFinding {
  return {
    checkId: 'hygiene',
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    message: r.message,
    location: {
      path,
      line: r.line,
      column: r.column,
      ...(r.endLine === undefined ? {} : { endLine: r.endLine }),
      ...(r.endColumn === undefined ? {} : { endColumn: r.endColumn }),
    },
    fix: { description: rule.meta.fixHint },
    help: ruleDocPath(rule.meta.id),
    ...(r.snippet === undefined ? {} : { snippet: r.snippet }),
  };
}

async function run(context: CheckContext): Promise<CheckResult> {
  const options = context.config.checks.hygiene;
  const extraBinary = new Set(options.binaryExtensions.map((e) => e.toLowerCase()));
  const fileRules = HYGIENE_RULES.filter((r): r is HygieneFileRule => r.kind === 'file');
  const repoRules = HYGIENE_RULES.filter((r): r is HygieneRepoRule => r.kind === 'repository');
  const findings: DraftFinding[] = [];
  let binaries = 0;

  for (const file of context.files) {
    if (file.mode === '120000') continue; // symlinks: the repository rules look at them
    const content = await file.read();
    if (content === undefined) continue;
    const ext = file.path.slice(file.path.lastIndexOf('.')).toLowerCase();
    const binary = extraBinary.has(ext) || looksBinary(content);
    if (binary) binaries++;
    const text = binary ? undefined : content.toString('utf8');
    for (const rule of fileRules) {
      if (rule.textOnly && text === undefined) continue;
      rule.create({
        path: file.path,
        mode: file.mode,
        content,
        text,
        options,
        report: (r) => findings.push(toFinding(rule, file.path, r)),
      });
    }
  }
  for (const rule of repoRules) {
    await Promise.resolve(
      rule.create({
        files: context.files,
        repo: context.repo,
        mode: context.mode,
        options,
        report: (r) => findings.push(toFinding(rule, r.path, r)),
      }),
    );
  }
  const notes = binaries > 0 ? [`${binaries} binary file(s) skipped by the text rules`] : [];
  return { findings, notes };
}

export const hygieneCheck: Check = {
  id: 'hygiene',
  title: 'Repository hygiene: whitespace, line endings, conflict markers, syntax, sizes, names, links, modes',
  run,
};
