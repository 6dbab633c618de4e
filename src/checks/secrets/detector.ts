import type { Severity } from '../../findings/finding.ts';
import type { SecretsOptions } from './config.ts';
import { SecretAllowlist } from './allowlist.ts';
import { decodeRun, type Encoding } from './decode.ts';
import { KeywordMatcher, type KeywordHit, type MatchResult } from './keyword-matcher.ts';
import { LineIndex } from './line-index.ts';
import type { SecretCandidate, SecretContentRule } from './rule-context.ts';

/** What the detector is asked to scan: one text, from any source. */
export interface ScanTarget {
  path: string;
  /** The content: a Buffer (UTF-8, decoded only when a keyword occurs) or text. */
  text: string | Buffer;
  /** Only secrets on lines (1-based) this accepts are reported; quick mode passes the added lines. */
  lineFilter?: (line: number) => boolean;
}

/** A secret the detector found, before it becomes a Finding. */
export interface DetectedSecret {
  rule: SecretContentRule;
  secret: string;
  label: string;
  severity: Severity;
  detail?: string;
  /** 1-based position of the secret (of the encoded blob when it was found by decoding). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text of the line the secret starts on (unmasked: the caller masks it). */
  lineText: string;
  /** Encodings peeled off to find it, outermost first (empty when it was in plain sight). */
  encodings: Encoding[];
  /** The encoded blob that held it, when it was found by decoding (also a secret to mask). */
  blob?: string;
}

/** Blob runs shorter than this are not worth decoding (base64 of 15 bytes). */
const MIN_BLOB = 20;
/** At most this many blobs are decoded per text, so a file of random data stays cheap. */
const MAX_BLOBS = 2000;

interface Located {
  rule: SecretContentRule;
  candidate: SecretCandidate;
  start: number;
  end: number;
}

/**
 * The one detector behind every source (staged, tree, paths, stdin, history): a keyword
 * prefilter, then only the rules whose keywords occur, on windows around the hits; then the
 * allowlist, overlap resolution (specific rules beat the generic one) and decoding of blobs.
 */
export class SecretDetector {
  private readonly rules: readonly SecretContentRule[];
  private readonly options: SecretsOptions;
  private readonly matcher: KeywordMatcher;
  /** For each keyword id, the indexes of the rules that use it. */
  private readonly rulesByKeyword: number[][];
  readonly allowlist: SecretAllowlist;

  constructor(rules: readonly SecretContentRule[], options: SecretsOptions) {
    this.rules = rules;
    this.options = options;
    this.allowlist = new SecretAllowlist(options);
    const compiled = compileKeywords(rules);
    this.matcher = compiled.matcher;
    this.rulesByKeyword = compiled.rulesByKeyword;
  }

  scan(target: ScanTarget): DetectedSecret[] {
    if (typeof target.text === 'string') return this.scanText(target.path, target.text, target.lineFilter, 0);
    const bytes = target.text;
    const matched = this.matcher.match(bytes, this.options.decodeDepth > 0 ? MIN_BLOB : 0);
    if (matched.hits.length === 0 && matched.blobs.length === 0) return [];
    const text = bytes.toString('utf8');
    // Each byte became one UTF-16 unit (ASCII text), so byte offsets are text offsets.
    return this.scanText(target.path, text, target.lineFilter, 0, text.length === bytes.length ? matched : undefined);
  }

  private scanText(path: string, text: string, lineFilter: ((line: number) => boolean) | undefined, depth: number, prematched?: MatchResult): DetectedSecret[] {
    const decode = depth < this.options.decodeDepth;
    const { hits, blobs } = prematched ?? this.matcher.match(text, decode ? MIN_BLOB : 0);
    if (hits.length === 0 && blobs.length === 0) return [];
    const lines = new LineIndex(text);
    const lineAllowed = (offset: number) => !lineFilter || lineFilter(lines.lineOf(offset) + 1);

    // 1. Keyword hits grouped by rule, dropping hits on lines out of scope.
    const hitsByRule = new Map<number, KeywordHit[]>();
    for (const hit of hits) {
      if (!lineAllowed(hit.start)) continue;
      for (const r of this.rulesByKeyword[hit.keyword]!) {
        let list = hitsByRule.get(r);
        if (!list) hitsByRule.set(r, (list = []));
        list.push(hit);
      }
    }

    // 2. Each rule on the text it needs.
    const located: Located[] = [];
    for (const [r, ruleHits] of hitsByRule) {
      const rule = this.rules[r]!;
      const collect = (base: number) => (candidate: SecretCandidate) => {
        const start = base + candidate.index;
        located.push({ rule, candidate, start, end: start + candidate.secret.length });
      };
      if (rule.scope === 'file') {
        rule.create({ path, text, options: this.options, report: collect(0) });
        continue;
      }
      for (const [from, to] of windows(ruleHits, rule.window, lines)) {
        rule.create({ path, text: text.slice(from, to), options: this.options, report: collect(from) });
      }
    }

    // 3. Scope, allowlist, then overlaps: the lower priority (the more specific rule) wins.
    const candidates = located
      .filter((l) => lineAllowed(l.start))
      .filter((l) => this.allowlist.secretAllowed(l.candidate.secret, lines.lineText(lines.lineOf(l.start))) === undefined)
      .sort((a, b) => a.rule.priority - b.rule.priority || a.start - b.start || b.end - a.end);
    const taken = new IntervalSet();
    const kept: Located[] = [];
    for (const l of candidates) {
      if (taken.overlaps(l.start, l.end)) continue;
      taken.add(l.start, l.end);
      kept.push(l);
    }
    kept.sort((a, b) => a.start - b.start);
    const found: DetectedSecret[] = kept.map((l) => {
      const from = lines.position(l.start);
      const to = lines.position(l.end);
      return {
        rule: l.rule,
        secret: l.candidate.secret,
        label: l.candidate.label,
        severity: l.candidate.severity ?? l.rule.meta.severity,
        ...(l.candidate.detail === undefined ? {} : { detail: l.candidate.detail }),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        lineText: lines.lineText(from.line - 1),
        encodings: [],
      };
    });

    // 4. Blobs that decode to text: scan what is inside, report at the blob.
    if (decode) {
      let tried = 0;
      for (const blob of blobs) {
        if (tried >= MAX_BLOBS) break;
        if (!lineAllowed(blob.start)) continue;
        if (taken.overlaps(blob.start, blob.end)) continue;
        tried++;
        const run = text.slice(blob.start, blob.end);
        for (const decoded of decodeRun(run, MIN_BLOB)) {
          const inner = this.scanText(path, decoded.text, undefined, depth + 1);
          if (inner.length === 0) continue;
          const start = blob.start + decoded.offset;
          const from = lines.position(start);
          const to = lines.position(start + decoded.length);
          const encoded = text.slice(start, start + decoded.length);
          for (const secret of inner) {
            found.push({
              ...secret,
              line: from.line,
              column: from.column,
              endLine: to.line,
              endColumn: to.column,
              lineText: lines.lineText(from.line - 1),
              encodings: [decoded.encoding, ...secret.encodings],
              blob: encoded,
            });
          }
        }
      }
    }
    return found;
  }
}

interface CompiledKeywords {
  matcher: KeywordMatcher;
  rulesByKeyword: number[][];
}

/** The automaton depends only on the rules, so one rule list is compiled once per process. */
const compiledCache = new WeakMap<readonly SecretContentRule[], CompiledKeywords>();

function compileKeywords(rules: readonly SecretContentRule[]): CompiledKeywords {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const keywords: string[] = [];
  const ids = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  rules.forEach((rule, r) => {
    for (const raw of rule.keywords) {
      const keyword = raw.toLowerCase();
      let id = ids.get(keyword);
      if (id === undefined) {
        id = keywords.length;
        ids.set(keyword, id);
        keywords.push(keyword);
        rulesByKeyword.push([]);
      }
      const list = rulesByKeyword[id]!;
      if (!list.includes(r)) list.push(r);
    }
  });
  const compiled = { matcher: new KeywordMatcher(keywords), rulesByKeyword };
  compiledCache.set(rules, compiled);
  return compiled;
}

/**
 * Merged windows around keyword hits, each clipped to the hit's line: a rule never sees more
 * than `size` characters on either side of one of its keywords.
 */
function windows(hits: readonly KeywordHit[], size: number, lines: LineIndex): [number, number][] {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const hit of sorted) {
    const line = lines.lineOf(hit.start);
    const from = Math.max(lines.lineStart(line), hit.start - size);
    const to = Math.min(Math.max(lines.lineEnd(line), hit.end), hit.end + size);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Disjoint [start, end) intervals kept sorted, for overlap tests in O(log n). */
class IntervalSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first interval whose start is >= `offset`. */
  private lowerBound(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(start: number, end: number): boolean {
    const i = this.lowerBound(start);
    if (i > 0 && this.ends[i - 1]! > start) return true;
    return i < this.starts.length && this.starts[i]! < end;
  }

  /** Adds an interval that overlaps none already present. */
  add(start: number, end: number): void {
    const i = this.lowerBound(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }
}
