/**
 * The parts of GitHub's REST responses the audit reads (names as in GitHub's OpenAPI
 * description). Every field is optional: GitHub leaves fields out for some tokens and plans,
 * and the audit treats a missing field as unknown, never as "off".
 */

export interface Enabled {
  enabled?: boolean;
}

export interface ActorList {
  users?: { login?: string }[];
  teams?: { slug?: string }[];
  apps?: { slug?: string }[];
}

/** GET /repos/{owner}/{repo}/branches/{branch}/protection */
export interface ClassicProtectionBody {
  required_status_checks?: {
    strict?: boolean;
    contexts?: string[];
    checks?: { context: string; app_id?: number | null }[];
    enforcement_level?: string;
  } | null;
  enforce_admins?: Enabled | null;
  required_pull_request_reviews?: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
    require_last_push_approval?: boolean;
    bypass_pull_request_allowances?: ActorList;
  } | null;
  required_signatures?: Enabled | null;
  required_linear_history?: Enabled | null;
  allow_force_pushes?: Enabled | null;
  allow_deletions?: Enabled | null;
  required_conversation_resolution?: Enabled | null;
  lock_branch?: Enabled | null;
  /** Who may push; kept as it is by --fix (null: anyone with write access). */
  restrictions?: ActorList | null;
}

/** GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks */
export interface StatusCheckPolicyBody {
  strict?: boolean;
  contexts?: string[];
  checks?: { context: string; app_id?: number | null }[];
}

/** One entry of GET /repos/{owner}/{repo}/rules/branches/{branch}. */
export interface BranchRuleBody {
  type: string;
  ruleset_source_type?: 'Repository' | 'Organization';
  ruleset_source?: string;
  ruleset_id?: number;
  parameters?: Record<string, unknown>;
}

/** GET /repos/{owner}/{repo}/rulesets/{ruleset_id} */
export interface RulesetBody {
  id: number;
  name?: string;
  source_type?: string;
  source?: string;
  /** 'active', 'evaluate' (reported, not enforced; GitHub Enterprise) or 'disabled'. */
  enforcement?: string;
  /** 'branch', 'tag', 'push' or 'repository'. */
  target?: string;
  /** Which refs it targets: full ref patterns, `~DEFAULT_BRANCH`, `~ALL`. */
  conditions?: { ref_name?: { include?: string[]; exclude?: string[] } } | null;
  /** Its rules, in the shape /rules/branches lists them (without the ruleset fields). */
  rules?: BranchRuleBody[];
  /** Only for tokens with write access to the ruleset (admins). */
  bypass_actors?: { actor_id?: number | null; actor_type?: string; bypass_mode?: string }[];
  current_user_can_bypass?: string;
}

/** GET /repos/{owner}/{repo} */
export interface RepositoryBody {
  full_name?: string;
  default_branch?: string;
  private?: boolean;
  visibility?: string;
  owner?: { login?: string; type?: string };
  /** The token's own access; absent for tokens GitHub does not attribute to a user (GITHUB_TOKEN). */
  permissions?: { admin?: boolean; maintain?: boolean; push?: boolean; triage?: boolean; pull?: boolean };
}

/** GET /repos/{owner}/{repo}/branches/{branch} */
export interface BranchBody {
  name?: string;
  protected?: boolean;
  protection?: { enabled?: boolean; required_status_checks?: { enforcement_level?: string; contexts?: string[]; checks?: { context: string; app_id?: number | null }[] } };
}

/** The GitHub Actions app: a required check with this app id comes from a workflow. */
export const GITHUB_ACTIONS_APP_ID = 15368;
