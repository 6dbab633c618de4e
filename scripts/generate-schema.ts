// Writes schema/tollgate.schema.json from the zod config schema (the one source of truth).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/json-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'schema', 'tollgate.schema.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, configJsonSchema());
console.log(`wrote ${path.relative(root, out)}`);
