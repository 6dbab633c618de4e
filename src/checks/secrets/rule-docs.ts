import type { SecretRule } from './rule-context.ts';
import { describeSample } from './token-format.ts';

function fence(text: string): string {
  return ['```', text, '```'].join('\n');
}

/**
 * The README.md of a secrets rule, rendered from the rule itself (metadata, keywords, formats,
 * docs), so the documentation can never disagree with what the rule does. Examples show the
 * format of a token, never a token. `node rules/secrets/write-readmes.ts` rewrites them; a test
 * fails when one is stale.
 */
export function renderRuleReadme(rule: SecretRule): string {
  const { meta, docs } = rule;
  const out: string[] = [`# ${meta.id}`, '', meta.description, '', `Default severity: **${meta.severity}**.`, '', '## Why', '', docs.why, ''];
  if (rule.kind === 'content') {
    out.push('## What it finds', '', '| finding | format | severity |', '| --- | --- | --- |');
    for (const example of rule.examples) {
      const shape = describeSample(example.sample).replace(/\n/g, '↵').replace(/\|/g, '\\|');
      out.push(`| ${example.label} | \`${shape}\` | ${example.severity ?? meta.severity} |`);
    }
    out.push('', `Prefilter keywords (case-insensitive; the rule runs only where one occurs): ${rule.keywords.map((k) => `\`${k}\``).join(', ')}.`, '');
    const first = rule.examples[0];
    if (first) out.push('## Bad', '', fence(describeSample(first.sample)), '');
  }
  if (rule.kind !== 'content' && docs.bad) out.push('## Bad', '', fence(docs.bad), '');
  out.push('## Good', '', fence(docs.good), '', '## Fix', '', meta.fixHint, '');
  if (docs.notes && docs.notes.length > 0) out.push('## Notes', '', ...docs.notes.map((n) => `- ${n}`), '');
  out.push(
    '## Options',
    '',
    `Change the severity or turn the rule off with \`"rules": { "${meta.id}": "warning" }\` (or \`"off"\`). ` +
      'Accept a value with `checks.secrets.allowlist` (paths, regexes, stopwords, placeholders), ' +
      `one line with \`tollgate-ignore ${meta.id}: <reason>\`, or a known finding with \`tollgate check secrets --update-baseline\`.`,
    '',
  );
  if (rule.kind === 'path') {
    out.push('## Fixtures', '', '`fixtures/cases.json` lists paths with their content (as data, so no blocked file is stored as a file); `fixtures/expected.json` lists the ones the rule blocks.', '');
  } else if (rule.kind === 'baseline') {
    out.push('## Fixtures', '', '`fixtures/baseline.json` is a baseline, `fixtures/current.json` the fingerprints of a full scan, and `fixtures/expected.json` the stale entries reported.', '');
  } else {
    out.push('## Fixtures', '', '`fixtures/input/` holds templates: every `{{secret:N}}` becomes a freshly forged token of format N when the tests run, so no live-looking token is ever stored. `fixtures/expected.json` lists the findings.', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
