import type { Check } from './check.ts';
import type { CheckId } from './ids.ts';

/** Checks are imported only when a pipeline runs them, so validate-quick never pays for tsc. */
const LOADERS: Record<CheckId, () => Promise<Check>> = {
  hygiene: async () => (await import('./hygiene/check.ts')).hygieneCheck,
  eslint: async () => (await import('./eslint/check.ts')).eslintCheck,
  tsc: async () => (await import('./tsc/check.ts')).tscCheck,
  float: async () => (await import('./float/check.ts')).floatCheck,
  secrets: async () => (await import('./secrets/check.ts')).secretsCheck,
  coverage: async () => (await import('./coverage/check.ts')).coverageCheck,
  docs: async () => (await import('./docs/check.ts')).docsCheck,
  migrate: async () => (await import('../migrate/check.ts')).migrateCheck,
};

export async function loadCheck(id: CheckId): Promise<Check> {
  return LOADERS[id]();
}
