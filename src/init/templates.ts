/**
 * The files `tollgate init` creates from scratch: the starter config and the CI gate workflow.
 */
import type { SuggestedStep } from '../steps/detect.ts';

export const STARTER_CONFIG_FILE = 'tollgate.config.json';
export const WORKFLOW_FILE = '.github/workflows/tollgate.yml';
/** The job name: the one status check to mark as required in branch protection. */
export const GATE_JOB_NAME = 'tollgate';

/**
 * A small, valid config: the defaults spelled out where a team is likely to change them. When
 * lint-staged already runs ESLint on the staged files, validate-quick skips its own ESLint pass
 * so a commit does not lint twice (validate-all still runs it).
 */
export function starterConfig(options: { lintStagedRunsEslint: boolean; steps?: readonly SuggestedStep[] }): string {
  const config = {
    $schema: './node_modules/tollgate/schema/tollgate.schema.json',
    failOn: 'error',
    ignore: [],
    rules: {},
    overrides: [],
    ...(options.lintStagedRunsEslint ? { checks: { eslint: { quick: false } } } : {}),
    // Offered, never switched on silently: each detected step is written with enabled: false.
    ...(options.steps && options.steps.length > 0 ? { steps: options.steps } : {}),
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/**
 * One job, `tollgate`, suitable as the single required status check: it fails exactly when
 * `tollgate validate-all` does. The SARIF upload is for code scanning and does not decide the
 * verdict (it fails where code scanning is unavailable: private repositories without GitHub
 * Advanced Security, pull requests from forks).
 */
export function gateWorkflow(defaultBranch: string): string {
  return `# tollgate: the CI gate. Mark the "${GATE_JOB_NAME}" check as required in branch protection
# (Settings → Branches or Rules → Require status checks to pass → ${GATE_JOB_NAME}).
# Local hooks can be skipped (git commit --no-verify, HUSKY=0); this check cannot.
name: tollgate

on:
  pull_request:
  push:
    branches: [${JSON.stringify(defaultBranch)}]
  merge_group:

concurrency:
  group: tollgate-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

# Private repositories also need \`actions: read\` for the SARIF upload.
permissions:
  contents: read
  security-events: write

jobs:
  ${GATE_JOB_NAME}:
    name: ${GATE_JOB_NAME}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
        with:
          fetch-depth: 0 # full history: merge-base with the default branch, history checks

      - uses: actions/setup-node@v6
        with:
          node-version: 24
          cache: npm

      - run: npm ci

      - name: tollgate validate-all
        run: npx tollgate validate-all --format github --output tollgate.sarif

      - name: Upload SARIF to code scanning
        if: always()
        continue-on-error: true # code scanning may be unavailable; the gate is the step above
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: tollgate.sarif
          category: tollgate
`;
}
