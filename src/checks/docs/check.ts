import { globMatcher } from '../../runner/glob-matcher.ts';
import type { Check, CheckContext, CheckResult } from '../check.ts';

async function run(context: CheckContext): Promise<CheckResult> {
  const options = context.config.checks.docs;
  const isDoc = globMatcher(options.files);
  const inScope = context.files.filter((f) => f.mode !== '120000' && f.status !== 'D' && isDoc(f.path));
  if (inScope.length === 0 && (context.mode !== 'all' || options.required.length === 0)) {
    return { findings: [], notes: [context.mode === 'quick' ? 'no staged Markdown file' : 'no Markdown file in scope'] };
  }
  const { checkDocuments } = await import('./documents.ts');
  return checkDocuments(context, inScope);
}

export const docsCheck: Check = {
  id: 'docs',
  title: 'Docs: broken links and anchors, front matter and yaml/json blocks that do not parse, float money in ts examples, required documents',
  run,
};
