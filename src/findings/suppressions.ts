/**
 * Inline suppressions: `tollgate-ignore <rule>[, <rule>…]: <reason>` in a comment, on the
 * line of the finding or on the line above it. A rule may be a full id
 * (`float/money-float-arith`) or a whole check (`float`). The reason is mandatory.
 */
export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  rules: string[];
  reason: string | undefined;
  /** The comment stands alone on its line, so it covers the next line. */
  ownLine: boolean;
}

const MARKER = /tollgate-ignore(?:\s+([^\s:][^:\n]*?))?\s*(?::\s*(.*?))?\s*(?:\*\/|-->)?\s*$/;

export function parseSuppressions(text: string): Suppression[] {
  if (!text.includes('tollgate-ignore')) return [];
  const result: Suppression[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const at = line.indexOf('tollgate-ignore');
    if (at < 0) continue;
    const match = MARKER.exec(line.slice(at));
    if (!match) continue;
    const rules = (match[1] ?? '')
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const reason = match[2]?.trim() || undefined;
    const before = line.slice(0, at);
    const ownLine = /^\s*(?:\/\/|\/\*|#|<!--|--|\*)?\s*$/.test(before);
    result.push({ line: i + 1, column: at + 1, rules, reason, ownLine });
  }
  return result;
}

export function suppressionCovers(s: Suppression, ruleId: string, line: number): boolean {
  if (!s.reason) return false;
  const lineMatches = line === s.line || (s.ownLine && line === s.line + 1);
  if (!lineMatches) return false;
  return s.rules.some((r) => r === ruleId || ruleId.startsWith(`${r}/`));
}
