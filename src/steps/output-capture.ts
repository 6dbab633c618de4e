/** Output kept for parsing and for the failure message; beyond it only the tail is kept. */
const HEAD_BYTES = 8 * 1024 * 1024;
const TAIL_LINES = 400;

/**
 * A step's output lines (already masked), bounded: the first 8 MiB in full, then a rolling
 * tail, so a command that prints gigabytes cannot exhaust memory.
 */
export class OutputCapture {
  private readonly head: string[] = [];
  private tailLines: string[] = [];
  private headBytes = 0;
  /** Lines seen in total. */
  count = 0;
  /** Lines between head and tail that were dropped. */
  dropped = 0;

  push(line: string): void {
    this.count++;
    if (this.headBytes < HEAD_BYTES && this.tailLines.length === 0) {
      this.head.push(line);
      this.headBytes += line.length + 1;
      return;
    }
    this.tailLines.push(line);
    if (this.tailLines.length > TAIL_LINES * 2) {
      this.dropped += this.tailLines.length - TAIL_LINES;
      this.tailLines = this.tailLines.slice(-TAIL_LINES);
    }
  }

  /** Every kept line, in order (the middle of a huge output is missing; see `dropped`). */
  lines(): string[] {
    return [...this.head, ...this.tailLines];
  }

  /** The last `n` kept lines, without trailing blank lines. */
  tail(n: number): string[] {
    const all = this.lines();
    let end = all.length;
    while (end > 0 && all[end - 1]!.trim() === '') end--;
    return all.slice(Math.max(0, end - n), end);
  }
}
