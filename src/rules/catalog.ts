import type { RuleMeta } from './rule.ts';
import { HYGIENE_RULES } from '../../rules/hygiene/index.ts';
import { FLOAT_RULES } from '../../rules/float/index.ts';
import { SECRET_RULES } from '../../rules/secrets/index.ts';
import { COVERAGE_RULES } from '../../rules/coverage/index.ts';
import { DOCS_RULES } from '../../rules/docs/index.ts';
import { MIGRATE_RULES } from '../../rules/migrate/index.ts';
import { BRANCH_PROTECTION_RULES } from '../../rules/branch-protection/index.ts';
import { DEBT_RULES } from '../../rules/debt/index.ts';

/** Every rule tollgate ships, by id: the registry behind SARIF metadata and the docs tests. */
export const ALL_RULES: readonly { meta: RuleMeta }[] = [...HYGIENE_RULES, ...FLOAT_RULES, ...SECRET_RULES, ...COVERAGE_RULES, ...DOCS_RULES, ...MIGRATE_RULES, ...DEBT_RULES, ...BRANCH_PROTECTION_RULES];

const BY_ID = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));

export function ruleMeta(ruleId: string): RuleMeta | undefined {
  return BY_ID.get(ruleId);
}
