import { z } from 'zod';
import { ConfigSchema } from './schema.ts';

/** The JSON schema for editors, generated from the same zod schema that validates. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'tollgate configuration' }, null, 2)}\n`;
}
