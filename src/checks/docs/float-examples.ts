/**
 * Fenced TypeScript blocks of Markdown files through the float check's own engine: each block
 * becomes an in-memory source file of one program (placed under the repository root, so that
 * `import Big from 'big.js'` resolves against the project's packages), and the float rules run
 * on it exactly as on a source file. Findings are moved onto the Markdown file's lines.
 */
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { FLOAT_RULES } from '../../../rules/float/index.ts';
import type { TollgateConfig } from '../../config/schema.ts';
import { parseSuppressions, suppressionCovers } from '../../findings/suppressions.ts';
import { analyze, type AnalysisTarget } from '../float/analyze.ts';
import { ruleSwitch } from '../float/check.ts';
import { DEFAULT_COMPILER_OPTIONS } from '../float/program.ts';
import type { ExampleBlock } from './markdown.ts';
import type { ExampleFinding } from './rule-context.ts';

/** Where the blocks live in the program: a folder no repository has. */
const VIRTUAL_DIR = '__tollgate_docs__';

export async function analyseExamples(input: { root: string; blocks: readonly ExampleBlock[]; config: TollgateConfig; signal?: AbortSignal }): Promise<ExampleFinding[]> {
  if (input.blocks.length === 0) return [];
  // Imports resolve only to the packages that declare decimal types (big.js, decimal.js, …):
  // an example's `import { defineConfig } from 'vitest/config'` would otherwise pull a whole
  // toolchain's declarations into the program for nothing the float rules ask about.
  const decimalPackages = new Set(input.config.checks.float.decimalTypes.flatMap((d) => d.modules));
  const project = new Project({
    // ES2022's own library only: the DOM's declarations are most of a default program's parse time.
    compilerOptions: { ...DEFAULT_COMPILER_OPTIONS, types: [], lib: ['lib.es2022.d.ts'] },
    resolutionHost: (host, getOptions) => ({
      resolveModuleNames: (names, containingFile) =>
        names.map((name) => (decimalPackages.has(packageOf(name)) ? ts.resolveModuleName(name, containingFile, getOptions(), host).resolvedModule : undefined)),
    }),
  });
  const placed = input.blocks.map((b, i) => {
    const ext = b.block.lang === 'tsx' ? 'tsx' : 'ts';
    const abs = path.join(input.root, VIRTUAL_DIR, `${b.path.replace(/[^A-Za-z0-9._-]/g, '_')}.${i}.${ext}`);
    // `export {}` on a line of its own after the block makes every block a module of its own,
    // so that two examples declaring `price` do not collide; it moves no line of the example.
    project.createSourceFile(abs, `${b.block.value}\nexport {};\n`, { overwrite: true });
    return { abs, example: b };
  });
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  // Each block is a target of its own, keyed `<markdown path>\0<block number>`, so that every
  // finding comes back to the block it is in.
  const targets: AnalysisTarget[] = [];
  for (const [i, p] of placed.entries()) {
    const sourceFile = program.getSourceFile(p.abs);
    if (sourceFile) targets.push({ sourceFile, path: `${p.example.path}\0${i}` });
  }
  const enabled = ruleSwitch(input.config);
  const findings = await analyze({
    program,
    targets,
    rules: FLOAT_RULES,
    config: input.config.checks.float,
    explain: false,
    // The float rules' own settings apply at the Markdown file's path ("float/…": "off" there turns them off).
    ruleEnabled: (rule, key) => enabled(rule, key.slice(0, key.indexOf('\0'))),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const results: ExampleFinding[] = [];
  for (const f of findings) {
    const { path: mdPath, block } = placed[Number(f.location.path.slice(f.location.path.indexOf('\0') + 1))]!.example;
    // `// tollgate-ignore float/…: reason` inside the example suppresses that float rule there, as in a source file.
    if (parseSuppressions(block.value).some((s) => suppressionCovers(s, f.ruleId, f.location.line))) continue;
    results.push({
      path: mdPath,
      floatRuleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: block.line + f.location.line,
      column: f.location.column + block.indent,
      endLine: block.line + (f.location.endLine ?? f.location.line),
      endColumn: (f.location.endColumn ?? f.location.column) + block.indent,
      snippet: f.snippet,
    });
  }
  return results;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
