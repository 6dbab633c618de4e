import { WELL_KNOWN_PASSWORDS } from '../../../src/checks/secrets/well-known-passwords.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

const SCHEMES = ['postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse'];

export const databaseUrl = defineTokenRule({
  meta: {
    id: 'secrets/database-url',
    description: 'Database and broker connection URLs with a password (postgres://user:password@host, mongodb+srv://, redis://, amqp://, …).',
    severity: 'error',
    fixable: false,
    fixHint: 'Change the database password, and build the URL at runtime from DATABASE_URL or separate environment variables.',
  },
  keywords: SCHEMES.map((s) => `${s}://`),
  window: 200,
  allow: [WELL_KNOWN_PASSWORDS],
  patterns: [
    {
      label: 'Database URL with a password',
      regex: /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse):\/\/([^\s:@/"'`<>]{0,64}):([^\s@/"'`<>]{1,128})@[A-Za-z0-9.[\]_-]{1,253}/,
      group: 2,
      sample: { before: 'DATABASE_URL=postgres://payments:', secret: [run('alnum', 20)], after: '@db.acme.internal:5432/payments' },
    },
  ],
  docs: {
    why: 'A connection URL with a password opens the database to anyone who can reach it; for a payments service that is the ledger, the customers and their payment methods.',
    good: 'DATABASE_URL=postgres://payments@db.acme.internal/payments   # password from PGPASSWORD or a secret store',
    notes: ['Local-development defaults (postgres, password, root, secret, changeme, …) and placeholders such as `${DB_PASSWORD}` are not reported.'],
  },
});
