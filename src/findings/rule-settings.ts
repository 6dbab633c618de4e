import type { TollgateConfig } from '../config/schema.ts';
import { globMatcher } from '../runner/glob-matcher.ts';
import type { Severity } from './finding.ts';

export type RuleSetting = Severity | 'off';

/**
 * Resolves the severity of a rule at a path: the rule's default, then `rules`, then each
 * matching `overrides` entry in order. A setting may name a whole check ('float').
 */
export class RuleSettings {
  private readonly overrides: { match: (p: string) => boolean; rules: Record<string, RuleSetting> }[];
  private readonly base: Record<string, RuleSetting>;

  constructor(config: Pick<TollgateConfig, 'rules' | 'overrides'>) {
    this.base = config.rules;
    this.overrides = config.overrides.map((o) => ({ match: globMatcher(o.files), rules: o.rules }));
  }

  resolve(ruleId: string, path: string, fallback: Severity): RuleSetting {
    const checkId = ruleId.split('/')[0] ?? ruleId;
    let setting: RuleSetting = this.base[ruleId] ?? this.base[checkId] ?? fallback;
    for (const o of this.overrides) {
      if (!o.match(path)) continue;
      setting = o.rules[ruleId] ?? o.rules[checkId] ?? setting;
    }
    return setting;
  }
}
