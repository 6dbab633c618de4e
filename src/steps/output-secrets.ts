import type { SecretsOptions } from '../checks/secrets/config.ts';
import { SecretDetector } from '../checks/secrets/detector.ts';
import { secretParts } from '../checks/secrets/finding-sink.ts';
import type { Redactor } from '../findings/redactor.ts';
import { SECRET_CONTENT_RULES } from '../../rules/secrets/index.ts';

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
/** Environment variable names whose values are secrets. */
const SECRET_NAME = /token|secret|passw(or)?d|pwd|api[_-]?key|private[_-]?key|credential|auth/i;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/**
 * Masks secrets in what a step prints, with the same detector and allowlist as the secrets
 * check: every secret found is registered with the run's redactor (so findings, notes and
 * reports mask it too) and masked in the line before anyone sees it. The body of a private
 * key block is hidden line by line while it streams.
 */
export class OutputSecrets {
  private readonly detector: SecretDetector;
  private readonly redactor: Redactor;
  private inPrivateKey = false;

  constructor(options: SecretsOptions, redactor: Redactor) {
    this.detector = new SecretDetector(SECRET_CONTENT_RULES, options);
    this.redactor = redactor;
  }

  /**
   * What the step itself carries: secrets in its command, and the values of its environment
   * variables whose names say they are secret (API_TOKEN, DB_PASSWORD …).
   */
  registerStep(command: string, env: Readonly<Record<string, string>>): void {
    this.register(command);
    for (const [key, value] of Object.entries(env)) if (SECRET_NAME.test(key)) this.redactor.add(value);
  }

  /** One output line, masked. */
  line(text: string): string {
    if (this.inPrivateKey) {
      if (PEM_END.test(text)) this.inPrivateKey = false;
      return PEM_END.test(text) ? text : '[private key line hidden]';
    }
    if (PEM_BEGIN.test(text) && !PEM_END.test(text)) this.inPrivateKey = true;
    this.register(text);
    return this.redactor.apply(text);
  }

  /** The whole output at once: finds what spans lines (a key block) for the redactor. */
  scanAll(text: string): void {
    this.register(text);
  }

  private register(text: string): void {
    for (const found of this.detector.scan({ path: '', text })) {
      for (const part of secretParts(found.secret)) this.redactor.add(part);
      this.redactor.add(found.secret);
      if (found.blob) this.redactor.add(found.blob);
    }
  }
}
