import type { Severity } from '../../findings/finding.ts';
import type { SecretsOptions } from './config.ts';
import { SecretAllowlist } from './allowlist.ts';
import { decodeRun, type Encoding } from './decode.ts';
import { KeywordMatcher, type MatchResult } from './keyword-matcher.ts';
import { LineIndex } from './line-index.ts';
import type { SecretCandidate, SecretContentRule, SecretRuleContext } from './rule-context.ts';

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
  /** Index of the rule in the detector's list. */
  rule: number;
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
    // Line numbers are needed only for a line filter and for what is found: built on first use.
    let index: LineIndex | undefined;
    const lines = () => (index ??= new LineIndex(text));
    const lineAllowed = (offset: number) => !lineFilter || lineFilter(lines().lineOf(offset) + 1);

    // 1. Each rule on the text it needs: window rules on merged windows around their hits,
    //    run as soon as a window is complete; file rules once, after the walk.
    const located: Located[] = [];
    let current = 0;
    let base = 0;
    const report = (candidate: SecretCandidate) => {
      const start = base + candidate.index;
      located.push({ rule: current, candidate, start, end: start + candidate.secret.length });
    };
    const run = (r: number, from: number, to: number) => {
      current = r;
      base = from;
      this.rules[r]!.create({ path, text: from === 0 && to === text.length ? text : text.slice(from, to), options: this.options, report });
    };
    // Keyword-scope rules: one context for the whole text, its `keyword` moved from hit to hit.
    const keyword = { start: 0, end: 0 };
    let skipTo = 0;
    const atKeyword: SecretRuleContext = { path, text, keyword, options: this.options, report, skipHitsBefore: (offset) => (skipTo = offset) };
    const runAt = (r: number, start: number, end: number) => {
      current = r;
      base = 0;
      keyword.start = start;
      keyword.end = end;
      skipTo = 0;
      this.rules[r]!.create(atKeyword);
      return skipTo;
    };
    const walk = new WindowWalk(this.rules, text, run, runAt);
    const { lengths } = this.matcher;
    for (let k = 0; k < hits.length; k += 2) {
      const keyword = hits[k]!;
      const start = hits[k + 1]!;
      if (lineFilter && !lineAllowed(start)) continue;
      walk.hit(this.rulesByKeyword[keyword]!, start, start + lengths[keyword]!);
    }
    walk.finish();

    // 2. Scope, allowlist, then overlaps: the lower priority (the more specific rule) wins.
    const candidates = located
      .filter((l) => lineAllowed(l.start))
      .filter((l) => this.allowlist.secretAllowed(l.candidate.secret, lines().lineText(lines().lineOf(l.start))) === undefined)
      .sort((a, b) => this.rules[a.rule]!.priority - this.rules[b.rule]!.priority || a.start - b.start || b.end - a.end || a.rule - b.rule);
    const taken = new IntervalSet();
    const kept: Located[] = [];
    for (const l of candidates) {
      if (taken.overlaps(l.start, l.end)) continue;
      taken.add(l.start, l.end);
      kept.push(l);
    }
    kept.sort((a, b) => a.start - b.start);
    const found: DetectedSecret[] = kept.map((l) => {
      const rule = this.rules[l.rule]!;
      const from = lines().position(l.start);
      const to = lines().position(l.end);
      return {
        rule,
        secret: l.candidate.secret,
        label: l.candidate.label,
        severity: l.candidate.severity ?? rule.meta.severity,
        ...(l.candidate.detail === undefined ? {} : { detail: l.candidate.detail }),
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        lineText: lines().lineText(from.line - 1),
        encodings: [],
      };
    });

    // 3. Blobs that decode to text: scan what is inside, report at the blob.
    if (decode) {
      let tried = 0;
      for (let k = 0; k < blobs.length && tried < MAX_BLOBS; k += 2) {
        const blobStart = blobs[k]!;
        const blobEnd = blobs[k + 1]!;
        if (!lineAllowed(blobStart)) continue;
        if (taken.overlaps(blobStart, blobEnd)) continue;
        tried++;
        const run = text.slice(blobStart, blobEnd);
        for (const decoded of decodeRun(run, MIN_BLOB)) {
          const inner = this.scanText(path, decoded.text, undefined, depth + 1);
          if (inner.length === 0) continue;
          const start = blobStart + decoded.offset;
          const from = lines().position(start);
          const to = lines().position(start + decoded.length);
          const encoded = text.slice(start, start + decoded.length);
          for (const secret of inner) {
            found.push({
              ...secret,
              line: from.line,
              column: from.column,
              endLine: to.line,
              endColumn: to.column,
              lineText: lines().lineText(from.line - 1),
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
 * Hands each rule the text it asked for as the keyword hits come: a keyword-scope rule each hit
 * (`runAt`, unless the rule asked to skip it), a window rule its merged windows (`run`),
 * a file rule the whole text once at the end.
 *
 * A window holds `rule.window` characters on either side of a hit, clipped to the hit's line,
 * so a rule never sees more than that around one of its keywords; windows of one rule that
 * touch are merged. Hits come in the order their keywords end, so a window is finished once a
 * hit of the same rule starts past it. The hit's line is found by searching for the line breaks
 * around it once per line, which over a whole text reads each character about once.
 */
class WindowWalk {
  private readonly rules: readonly SecretContentRule[];
  private readonly text: string;
  private readonly run: (rule: number, from: number, to: number) => void;
  /** Runs a keyword-scope rule at one hit; returns the offset its next hits must start at. */
  private readonly runAt: (rule: number, start: number, end: number) => number;
  /** The open window of each rule ([from, to), from = -1 when none), and file rules that were hit. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly fileRuleHit: Uint8Array;
  /** For keyword-scope rules: hits starting before this offset are not passed. */
  private readonly resume: Float64Array;
  /** The line of the last hit: [lineStart, lineEnd) without its line break; lineBreak is where the next line starts - 1. */
  private lineStart = 0;
  private lineEnd = -1;
  private lineBreak = -1;

  constructor(rules: readonly SecretContentRule[], text: string, run: (rule: number, from: number, to: number) => void, runAt: (rule: number, start: number, end: number) => number) {
    this.rules = rules;
    this.text = text;
    this.run = run;
    this.runAt = runAt;
    this.from = new Int32Array(rules.length).fill(-1);
    this.to = new Int32Array(rules.length);
    this.fileRuleHit = new Uint8Array(rules.length);
    this.resume = new Float64Array(rules.length);
  }

  hit(ruleIndexes: readonly number[], start: number, end: number): void {
    for (const r of ruleIndexes) {
      const rule = this.rules[r]!;
      if (rule.scope === 'keyword') {
        if (start >= this.resume[r]!) this.resume[r] = this.runAt(r, start, end);
        continue;
      }
      if (rule.scope === 'file') {
        this.fileRuleHit[r] = 1;
        continue;
      }
      if (start > this.lineBreak) this.findLine(start);
      const from = Math.max(this.lineStart, start - rule.window);
      const to = Math.min(Math.max(this.lineEnd, end), end + rule.window);
      const open = this.from[r]!;
      if (open >= 0 && from <= this.to[r]!) {
        if (from < open) this.from[r] = from;
        if (to > this.to[r]!) this.to[r] = to;
        continue;
      }
      if (open >= 0) this.run(r, open, this.to[r]!);
      this.from[r] = from;
      this.to[r] = to;
    }
  }

  /** Runs the windows still open, then each file rule that was hit on the whole text. */
  finish(): void {
    for (let r = 0; r < this.rules.length; r++) {
      if (this.from[r]! >= 0) this.run(r, this.from[r]!, this.to[r]!);
      if (this.fileRuleHit[r] === 1) this.run(r, 0, this.text.length);
    }
  }

  private findLine(offset: number): void {
    const { text } = this;
    this.lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    const newline = text.indexOf('\n', offset);
    this.lineBreak = newline < 0 ? text.length : newline;
    this.lineEnd = newline > 0 && text.charCodeAt(newline - 1) === 13 ? newline - 1 : this.lineBreak;
  }
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
