import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { configJsonSchema } from '../../src/config/json-schema.ts';
import { UserError } from '../../src/errors/user-error.ts';
import { PROJECT_ROOT, TempRepo, runCli } from '../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

async function load(files: Record<string, string>, explicitPath?: string) {
  repo = await TempRepo.create();
  for (const [p, c] of Object.entries(files)) await repo.write(p, c);
  return loadConfig({ cwd: repo.dir, stopDir: repo.dir, ...(explicitPath ? { explicitPath } : {}) });
}

describe('config loading', () => {
  it('uses defaults when there is no config file', async () => {
    const { config, file } = await load({});
    expect(file).toBeUndefined();
    expect(config.failOn).toBe('error');
    expect(config.checks.hygiene.maxFileSizeKb).toBe(500);
    expect(config.pipelines.quick).toContain('hygiene');
  });

  it.each([
    ['tollgate.config.json', JSON.stringify({ failOn: 'warning' })],
    ['tollgate.config.yaml', 'failOn: warning\n'],
    ['tollgate.config.yml', 'failOn: warning\n'],
    ['tollgate.config.mjs', "export default { failOn: 'warning' };\n"],
    ['tollgate.config.ts', "const failOn: 'warning' = 'warning';\nexport default { failOn };\n"],
    ['package.json', JSON.stringify({ name: 'x', tollgate: { failOn: 'warning' } })],
  ])('reads %s', async (name, content) => {
    const { config, file } = await load({ [name]: content });
    expect(config.failOn).toBe('warning');
    expect(file).toMatch(new RegExp(`${name.replace('.', '\\.')}$`));
  });

  it('names the file, the key path, the expectation and what was found', async () => {
    const error = await load({ 'tollgate.config.yaml': 'checks:\n  hygiene:\n    maxFileSizeKb: big\n' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain('tollgate.config.yaml');
    expect(message).toContain('checks.hygiene.maxFileSizeKb');
    expect(message).toMatch(/expected number, found string "big"/);
  });

  it('rejects unknown keys so that typos do not pass silently', async () => {
    const error = (await load({ 'tollgate.config.json': JSON.stringify({ failon: 'error' }) }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/unknown key "failon"/);
  });

  it('rejects an unknown check in a pipeline with the allowed values', async () => {
    const error = (await load({ 'tollgate.config.json': JSON.stringify({ pipelines: { quick: ['hygeine'] } }) }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/pipelines\.quick\.0: expected one of "hygiene"/);
  });

  it('reports a YAML syntax error with the file name', async () => {
    const error = (await load({ 'tollgate.config.yaml': 'failOn: [\n' }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('tollgate.config.yaml');
  });

  it('fails on an explicit --config that does not exist', async () => {
    const error = (await load({}, 'nope.json').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Config file not found: nope\.json/);
  });

  it('exits 2 on a bad config and leaves the files untouched', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', '{"failOn": "sometimes"}');
    await repo.write('a.txt', 'trailing   \n');
    const before = await repo.read('a.txt');
    const result = runCli(['validate-all', '--fix'], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tollgate.config.json');
    expect(result.stderr).toContain('failOn: expected one of "error", "warning", "note", found string "sometimes"');
    expect(await repo.read('a.txt')).toEqual(before);
  });
});

describe('JSON schema', () => {
  it('committed schema/tollgate.schema.json matches the zod schema (run `npm run schema`)', async () => {
    const committed = await readFile(`${PROJECT_ROOT}/schema/tollgate.schema.json`, 'utf8');
    expect(committed).toBe(configJsonSchema());
  });
});
