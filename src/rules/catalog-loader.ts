import type { Format } from '../reporters/reporter.ts';
import type { RuleMeta } from './rule.ts';

/**
 * Only SARIF output needs rule metadata, and the catalog imports every rule (the float rules
 * bring in the TypeScript compiler): load it when the output needs it, so that a text report
 * of validate-quick does not pay for it.
 */
export async function ruleMetaFor(format: Format, output: string | undefined): Promise<(ruleId: string) => RuleMeta | undefined> {
  const needsSarif = format === 'sarif' || (format === 'github' && output !== undefined);
  if (!needsSarif) return () => undefined;
  return (await import('./catalog.ts')).ruleMeta;
}
