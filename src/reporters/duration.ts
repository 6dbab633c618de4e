/** A check or run duration for people: "7 ms", "1234 ms", "12.3 s". */
export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
