/**
 * Keeps every secret a check has seen and masks it in any text before that text leaves
 * tollgate. Masking keeps the first 4 characters: `ghp_abcdef…` becomes `ghp_…`.
 */
export function redactSecret(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a secret value; shorter than 6 characters is too common to mask safely. */
  add(secret: string): void {
    if (secret.length < 6 || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.pattern = undefined;
  }

  get size(): number {
    return this.secrets.size;
  }

  apply(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, (match) => redactSecret(match));
  }
}
