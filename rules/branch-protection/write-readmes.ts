// Rewrites rules/branch-protection/<criterion>/README.md from each criterion's metadata and docs
// (node rules/branch-protection/write-readmes.ts). The cross-check rules' READMEs are written by hand.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRITERIA_WITH_DOCS } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

for (const { rule, docs } of CRITERIA_WITH_DOCS) {
  const { id, description, severity, fixHint } = rule.meta;
  const fixtures = path.join(here, id.split('/')[1]!, 'fixtures');
  const examples = readdirSync(fixtures)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const fixture = JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as { expected: string };
      return `- [\`fixtures/${f}\`](fixtures/${f}): ${fixture.expected}`;
    });
  const text = `# ${id}

${description}

| | |
|---|---|
| Severity | \`${severity}\` when it fails; \`warning\` when it is unknown |
| Fixable | yes: \`tollgate audit branch-protection --fix\` prints the request, \`--apply\` sends it |
| Policy key | \`branchProtection.policy.${docs.policyKey}\` |
| Runs in | \`tollgate audit branch-protection\`, \`actions/audit\` (never in validate-quick/validate-all) |

## Why

${docs.why}

## Where GitHub keeps it

- Classic branch protection: ${docs.classic}.
- Rulesets: ${docs.ruleset}.

Classic protection and every active ruleset that targets the branch add up: the criterion
passes when any one of them enforces it. Rulesets in evaluate mode never count (GitHub does
not enforce them); when one would meet the criterion, the reason names it.

## Verdicts

- **pass**: a source the token can see enforces it; the reason names the source.
- **fail**: every source is visible and none enforces it (404 "Branch not protected" and no
  ruleset is a fail).
- **unknown**: no visible source enforces it, and a source is hidden from the token (classic
  protection without admin rights, a plan without protection, a workflow's GITHUB_TOKEN). The
  reason says which token would see it. Unknown is never counted as a pass.

## Fix

${fixHint}

## Examples

Each fixture holds what GitHub returns (classic protection body, the rules of
\`/rules/branches/{branch}\`, rulesets) and the verdict it must get:

${examples.join('\n')}
`;
  writeFileSync(path.join(here, id.split('/')[1]!, 'README.md'), text);
}
console.log(`wrote ${CRITERIA_WITH_DOCS.length} README files under rules/branch-protection/`);
