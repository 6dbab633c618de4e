import { validate } from '@octokit/graphql-schema';
import { describe, expect, it } from 'vitest';
import { CLASSIC_RULE_QUERY, CLEAR_FORCE_PUSH_BYPASS_MUTATION } from '../../src/audit/classic-graphql.ts';

/** The GraphQL documents the audit sends, checked against GitHub's published schema: a field typo fails here, not in production. */
describe("the audit's GraphQL documents against GitHub's published schema", () => {
  it('the classic-rule query is valid', () => {
    expect(validate(CLASSIC_RULE_QUERY).map((e) => e.message)).toEqual([]);
  });

  it('the mutation that empties the force-push bypass list is valid', () => {
    expect(validate(CLEAR_FORCE_PUSH_BYPASS_MUTATION).map((e) => e.message)).toEqual([]);
  });

  it('rejects the query with a misspelled field (the check can fail)', () => {
    const typo = CLASSIC_RULE_QUERY.replace('bypassForcePushAllowances', 'bypassForcePushAllowance');
    expect(validate(typo).map((e) => e.message).join('\n')).toContain('bypassForcePushAllowance');
  });
});
