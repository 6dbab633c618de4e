import type { DocsRule } from '../../src/checks/docs/rule-context.ts';
import { brokenAnchor } from './broken-anchor/rule.ts';
import { brokenLink } from './broken-link/rule.ts';
import { floatInExample } from './float-in-example/rule.ts';
import { invalidCodeBlock } from './invalid-code-block/rule.ts';
import { invalidFrontMatter } from './invalid-front-matter/rule.ts';
import { requiredDocument } from './required-document/rule.ts';

/** Every docs rule: per-document rules first, then the ones that look at all documents at once. */
export const DOCS_RULES: readonly DocsRule[] = [brokenLink, brokenAnchor, invalidFrontMatter, invalidCodeBlock, floatInExample, requiredDocument];
