import type { SecretsOptions } from '../../../src/checks/secrets/config.ts';
import { globMatcher } from '../../../src/runner/glob-matcher.ts';
import type { SecretPathRule } from '../../../src/checks/secrets/rule-context.ts';

/** Registry config files are blocked only when they hold credentials, not `${ENV}` references. */
const NPMRC_AUTH = /^\s*(?:\/\/[^\s=]*:)?_(?:authToken|auth|password)\s*=\s*(?!\$\{)\S/m;
const PYPIRC_AUTH = /^\s*password\s*[=:]\s*(?!\$\{|%\()\S/m;

interface Matchers {
  blocked: (p: string) => boolean;
  allowed: (p: string) => boolean;
}

const cache = new WeakMap<SecretsOptions, Matchers>();

function matchers(options: SecretsOptions): Matchers {
  let m = cache.get(options);
  if (!m) {
    m = { blocked: globMatcher(options.blockedFiles), allowed: globMatcher(options.allowedFiles) };
    cache.set(options, m);
  }
  return m;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export const blockedFile: SecretPathRule = {
  kind: 'path',
  meta: {
    id: 'secrets/blocked-file',
    description: 'Files that hold secrets by their nature (.env, private keys, keystores, credentials.json, Terraform state, .npmrc/.pypirc with credentials), whatever their content looks like.',
    severity: 'error',
    fixable: false,
    fixHint: 'Unstage the file (git rm --cached <file>), add it to .gitignore, and rotate whatever it held if it was ever pushed. Commit a template such as .env.example instead.',
  },
  docs: {
    why: 'Some files are secrets by definition: a `.env` file, a keystore, a Terraform state with every output in clear text. Scanning their content is not enough (a keystore is binary, a state file holds secrets no pattern knows), so they are blocked by name.',
    bad: 'git add .env deploy/id_rsa infra/terraform.tfstate',
    good: '.env.example with KEY= lines and no values; .npmrc with //registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    notes: [
      'Defaults: `.env` and `.env.*` (except `.env.example`, `.env.template`, `.env.sample`), `*.pem`, `id_rsa*`, `id_dsa`, `id_ecdsa`, `id_ed25519*` (never `*.pub`), `*.p12`, `*.pfx`, `*.jks`, `*.keystore`, `credentials.json`, `.git-credentials`, `*.tfstate`, `*.tfstate.backup`.',
      'Configure with `checks.secrets.blockedFiles` and `checks.secrets.allowedFiles` (globs).',
      '`.npmrc` and `.pypirc` are blocked only when they contain a literal credential (`_authToken=`, `_auth=`, `_password=`, `password =`), not an `${ENV}` reference.',
    ],
  },
  create(context) {
    const { path, options } = context;
    const m = matchers(options);
    if (m.allowed(path)) return;
    if (m.blocked(path)) {
      context.report({ message: `${baseName(path)} must not be committed: files of this kind hold secrets whatever their content.` });
      return;
    }
    const name = baseName(path);
    if (name === '.npmrc' || name === '.pypirc') {
      const text = context.content?.toString('utf8') ?? '';
      if ((name === '.npmrc' ? NPMRC_AUTH : PYPIRC_AUTH).test(text)) {
        context.report({ message: `${name} holds a registry credential; reference an environment variable (\${NPM_TOKEN}) instead of the value.` });
      }
    }
  },
};
