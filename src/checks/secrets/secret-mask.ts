import { createHash } from 'node:crypto';

/** A short, stable hash of a secret: lets a reader tell two findings apart without the value. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}

/**
 * How a secret appears in every message, snippet and baseline entry: its first characters
 * (4 for long secrets, fewer for short ones, none below 8) then `…` and a short hash,
 * e.g. `ghp_…1f2e3d4c`.
 */
export function maskSecret(secret: string): string {
  const shown = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0;
  return `${secret.slice(0, shown)}…${secretHash(secret)}`;
}

/**
 * `line` with every listed secret masked, then cut to at most `max` characters around the
 * first masked secret so minified lines stay readable. Masking comes first, so clipping can
 * never leave part of a secret behind.
 */
export function maskedSnippet(line: string, secrets: readonly string[], max = 200): string {
  let text = line.replace(/\r$/, '');
  let firstMask = -1;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length === 0 || !text.includes(secret)) continue;
    const mask = maskSecret(secret);
    text = text.split(secret).join(mask);
    const at = text.indexOf(mask);
    if (firstMask < 0 || at < firstMask) firstMask = at;
  }
  if (text.length > max) {
    const from = Math.max(0, Math.min(firstMask < 0 ? 0 : firstMask - 40, text.length - max));
    text = `${from > 0 ? '…' : ''}${text.slice(from, from + max)}${from + max < text.length ? '…' : ''}`;
  }
  return text.trim();
}
