/**
 * Every check tollgate knows, by id. A check plugs in by adding its id here, its config schema
 * to config/schema.ts and its loader to checks/registry.ts.
 */
export const CHECK_IDS = ['hygiene', 'eslint', 'tsc', 'float', 'secrets', 'coverage', 'docs', 'migrate'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** What validate-quick and validate-all run when the config does not say. */
export const DEFAULT_PIPELINES: Record<'quick' | 'all', CheckId[]> = {
  quick: ['hygiene', 'eslint', 'float', 'secrets', 'docs'],
  all: ['hygiene', 'eslint', 'tsc', 'float', 'secrets', 'coverage', 'docs'],
};
