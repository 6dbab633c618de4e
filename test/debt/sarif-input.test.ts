import { describe, expect, it } from 'vitest';
import { parseSarif } from '../../src/debt/sarif-input.ts';
import { UserError } from '../../src/errors/user-error.ts';

const ROOT = '/repo';

function log(results: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'CodeQL', rules: [{ id: 'js/weak', defaultConfiguration: { level: 'note' }, helpUri: 'https://example.test/weak' }] } }, results, ...extra }],
  });
}

const at = (uri: string, extra: Record<string, unknown> = {}) => ({ physicalLocation: { artifactLocation: { uri, ...extra }, region: { startLine: 3, startColumn: 5, snippet: { text: 'x = 1' } } } });

describe('parseSarif', () => {
  it('maps results to findings keyed <tool>/<rule> with the level, or the rule default level', () => {
    const [run] = parseSarif(log([
      { ruleId: 'js/weak', message: { text: 'weak thing' }, locations: [at('src/a.js')] },
      { ruleId: 'js/other', level: 'warning', message: { text: 'other' }, locations: [at('file:///repo/src/b.js')] },
    ]), 'scan.sarif', ROOT);
    expect(run!.tool).toBe('codeql');
    expect(run!.findings).toEqual([
      { checkId: 'codeql', ruleId: 'codeql/js/weak', severity: 'note', message: 'weak thing', location: { path: 'src/a.js', line: 3, column: 5 }, snippet: 'x = 1', help: 'https://example.test/weak' },
      { checkId: 'codeql', ruleId: 'codeql/js/other', severity: 'warning', message: 'other', location: { path: 'src/b.js', line: 3, column: 5 }, snippet: 'x = 1' },
    ]);
  });

  it('resolves uriBaseId, and leaves out suppressed, passing and outside-the-repository results', () => {
    const text = log(
      [
        { ruleId: 'r', message: { text: 'based' }, locations: [at('lib/c.js', { uriBaseId: 'SRC' })] },
        { ruleId: 'r', message: { text: 'suppressed' }, locations: [at('a.js')], suppressions: [{ kind: 'inSource' }] },
        { ruleId: 'r', kind: 'pass', message: { text: 'pass' }, locations: [at('a.js')] },
        { ruleId: 'r', level: 'none', message: { text: 'none' }, locations: [at('a.js')] },
        { ruleId: 'r', message: { text: 'outside' }, locations: [at('file:///elsewhere/a.js')] },
      ],
      { originalUriBaseIds: { SRC: { uri: 'file:///repo/packages/app/' } } },
    );
    expect(parseSarif(text, 'scan.sarif', ROOT)[0]!.findings.map((f) => [f.message, f.location.path])).toEqual([['based', 'packages/app/lib/c.js']]);
  });

  it('rejects a file that is not a SARIF log with a UserError naming it', () => {
    expect(() => parseSarif('{"version":"2.1.0"}', 'scan.sarif', ROOT)).toThrow(UserError);
    expect(() => parseSarif('{"version":"2.1.0"}', 'scan.sarif', ROOT)).toThrow(/scan\.sarif is not a SARIF log/);
    expect(() => parseSarif('{"runs":[{"tool":{}}]}', 'scan.sarif', ROOT)).toThrow(/runs\[0\]\.tool\.driver\.name/);
  });
});
