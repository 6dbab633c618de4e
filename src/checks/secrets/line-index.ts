import type { LineRange } from '../../git/diff-parse.ts';

/** Offsets of line starts in a text, built once, so offset → line is a binary search. */
export class LineIndex {
  private readonly starts: number[];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** Offset just past the last character of a 0-based line (before its `\n`, and any `\r`). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStart(line) + 1 };
  }
}

/** A predicate over 1-based line numbers from sorted, inclusive ranges (the staged added lines). */
export function lineRangeFilter(ranges: readonly LineRange[]): (line: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  return (line) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid]!;
      if (line < r.start) hi = mid - 1;
      else if (line > r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
