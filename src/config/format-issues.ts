import type { z } from 'zod';

/** Renders one zod issue as "key.path: expected X, found Y". */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
  return `${key}: ${describeIssue(issue)}`;
}

function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return `an array (${JSON.stringify(input).slice(0, 60)})`;
  if (typeof input === 'string') return `string ${JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input)}`;
  if (typeof input === 'object') return 'an object';
  return `${typeof input} ${String(input)}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, found ${describeFound(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeFound(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling against schema/tollgate.schema.json)`;
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'at least' : '>='} ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : ''}, found ${describeFound(issue.input)}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'at most' : '<='} ${String(issue.maximum)}${issue.origin === 'array' ? ' item(s)' : ''}, found ${describeFound(issue.input)}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? issue.message ?? 'a matching string' : issue.format}, found ${describeFound(issue.input)}`;
    default:
      return `${issue.message}${'input' in issue ? `, found ${describeFound(issue.input)}` : ''}`;
  }
}
