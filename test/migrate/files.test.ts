import { describe, expect, it } from 'vitest';
import { checksumOf, parseDirectives, readMigrations } from '../../src/migrate/files.ts';
import { MigrationProject } from './project.ts';

describe('migration files', () => {
  it('reads the header directives', () => {
    expect(parseDirectives('-- tollgate:no-transaction\n-- tollgate:lock-timeout 5s\n--tollgate:statement-timeout 30min\nSELECT 1;', 'm.sql')).toEqual({
      noTransaction: true,
      lockTimeout: '5s',
      statementTimeout: '30min',
    });
    expect(parseDirectives('SELECT 1; -- a tollgate: mention in prose is not a directive', 'm.sql')).toEqual({ noTransaction: false });
  });

  it('refuses an unknown directive and a bad duration, naming the file and line', () => {
    expect(() => parseDirectives('SELECT 1;\n-- tollgate:no-transactions\n', 'migrations/0001_a.sql')).toThrow(
      /migrations\/0001_a\.sql:2: unknown directive `-- tollgate:no-transactions`/,
    );
    expect(() => parseDirectives('-- tollgate:lock-timeout soon\n', 'migrations/0001_a.sql')).toThrow(/migrations\/0001_a\.sql:1: `-- tollgate:lock-timeout` needs a duration/);
  });

  it('takes the checksum over the normalised text: BOM, CRLF and trailing blanks do not count, content does', () => {
    const base = checksumOf('CREATE TABLE a (id int);\nSELECT 1;\n');
    expect(checksumOf('\uFEFFCREATE TABLE a (id int);  \r\nSELECT 1;\r\n\r\n')).toBe(base);
    expect(checksumOf('CREATE TABLE a (id bigint);\nSELECT 1;\n')).not.toBe(base);
    expect(checksumOf('CREATE TABLE a (id int);\n\nSELECT 1;\n')).not.toBe(base);
  });

  it('orders by number, ignores other files, and refuses a badly named .sql file or a reused number', async () => {
    const project = await MigrationProject.create({ '10_ten.sql': 'SELECT 10;', '0002_two.sql': 'SELECT 2;', 'README.md': '# notes' });
    expect((await readMigrations(project.dir, 'migrations')).map((m) => `${m.version}_${m.name}`)).toEqual(['0002_two', '10_ten']);
    await project.write('0003 add things.sql', 'SELECT 3;');
    await expect(readMigrations(project.dir, 'migrations')).rejects.toThrow(/migrations\/0003 add things\.sql: a migration file is named NNNN_name\.sql/);
    await project.remove();
    const reused = await MigrationProject.create({ '0002_two.sql': 'SELECT 2;', '002_again.sql': 'SELECT 2;' });
    await expect(readMigrations(reused.dir, 'migrations')).rejects.toThrow(/migrations\/002_again\.sql: version 002 is also used by migrations\/0002_two\.sql/);
    await reused.remove();
  });

  it('a missing migrations folder has no migrations', async () => {
    expect(await readMigrations('/nonexistent-tollgate-dir', 'migrations')).toEqual([]);
  });
});
