/**
 * How many bytes of arguments one command may get, and splitting a file list to fit. The
 * kernel limits argv plus the environment together (Linux ARG_MAX, usually 2 MiB; macOS 1 MiB);
 * Windows limits the command line to 32,767 characters, and cmd.exe to 8,191. Budgets are half
 * the usual limits, so a smaller stack (Linux ARG_MAX is a quarter of it) still fits.
 */
export function commandLineBudget(platform: NodeJS.Platform, shell: boolean): number {
  if (platform === 'win32') return shell ? 8_000 : 32_000;
  if (platform === 'darwin') return 512 * 1024;
  return 1024 * 1024;
}

/** What one argument costs: its bytes, the terminating NUL and the argv pointer (POSIX), or quotes and a space (Windows). */
export function argumentCost(arg: string, platform: NodeJS.Platform): number {
  return platform === 'win32' ? arg.length + 3 : Buffer.byteLength(arg) + 1 + 8;
}

/** The environment counts against the same limit on POSIX (not on Windows, where it is separate). */
export function environmentCost(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): number {
  if (platform === 'win32') return 0;
  let total = 0;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) total += Buffer.byteLength(key) + Buffer.byteLength(value) + 2 + 8;
  return total;
}

/**
 * Splits files into consecutive chunks whose argument cost stays within `room`. A file that
 * alone exceeds it still gets a chunk of its own (the command then reports the error).
 */
export function chunkFiles(files: readonly string[], room: number, cost: (file: string) => number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const file of files) {
    const c = cost(file);
    if (current.length > 0 && used + c > room) { // tollgate-ignore float: byte counts, not money
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(file);
    used += c; // tollgate-ignore float: byte counts, not money
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
