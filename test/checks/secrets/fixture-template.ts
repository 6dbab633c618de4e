import { createHash } from 'node:crypto';
import type { SecretContentRule } from '../../../src/checks/secrets/rule-context.ts';
import { forgeSample, randomString, seededRandom, type Charset } from '../../../src/checks/secrets/token-format.ts';

/**
 * Expands a fixture template. Fixtures store formats, never tokens:
 * - `{{sample:N}}`: example N of the rule, with the text around it (`GITHUB_TOKEN=ghp_…`);
 * - `{{secret:N}}`: the forged secret of example N alone;
 * - `{{random:<charset>:<length>}}`: a random run (for values that must not be reported).
 * The random source is seeded from the rule id and the file name, so expansions are stable.
 */
export function expandTemplate(template: string, rule: SecretContentRule, fileName: string): { text: string; secrets: string[] } {
  const seed = createHash('sha256').update(`${rule.meta.id}\0${fileName}`).digest().readUInt32LE(0);
  const random = seededRandom(seed);
  const secrets: string[] = [];
  const text = template.replace(/\{\{(sample|secret|random):([A-Za-z0-9]+:)?(\d+)\}\}/g, (whole, kind: string, charset: string | undefined, n: string) => {
    if (kind === 'random') return randomString(charset!.slice(0, -1) as Charset, Number(n), random);
    const example = rule.examples[Number(n)];
    if (!example) throw new Error(`${rule.meta.id}/${fileName}: ${whole} names no example`);
    const forged = forgeSample(example.sample, random);
    secrets.push(forged.secret);
    return kind === 'sample' ? forged.text : forged.secret;
  });
  return { text, secrets };
}
