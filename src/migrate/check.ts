import path from 'node:path';
import type { Check } from '../checks/check.ts';
import type { DraftFinding } from '../findings/finding.ts';
import { FILE_PATTERN } from './files.ts';
import { lintSql } from './lint/lint.ts';

/** True for `<dir>/NNNN_name.sql` (directly in the migrations folder). */
export function isMigrationPath(file: string, dir: string): boolean {
  const folder = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  return path.posix.dirname(file) === folder && FILE_PATTERN.test(path.posix.basename(file));
}

/**
 * The blue-green lint over the migrations in scope: staged ones in validate-quick, the named
 * ones with paths, every one in validate-all. A file the parser rejects is a migrate/syntax-error
 * finding, so one broken file does not hide the others.
 */
export const migrateCheck: Check = {
  id: 'migrate',
  title: 'SQL migrations compatible with the version still serving traffic (blue-green lint)',
  async run(context) {
    const dir = context.config.migrate.dir;
    const findings: DraftFinding[] = [];
    let linted = 0;
    for (const file of context.files) {
      if (!isMigrationPath(file.path, dir)) continue;
      const bytes = await file.read();
      if (!bytes) continue;
      findings.push(...(await lintSql(file.path, bytes.toString('utf8'))));
      linted++;
    }
    return { findings, notes: linted === 0 ? [`no migration in ${dir}/ in scope`] : [] };
  },
};
