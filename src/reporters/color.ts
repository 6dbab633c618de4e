/**
 * Whether human output may use ANSI colours. The order of the rules:
 * 1. the report goes to a file (`--output`): never;
 * 2. `NO_COLOR` set to anything but the empty string (https://no-color.org): no;
 * 3. `FORCE_COLOR` set: yes, unless it is `0` or `false` (then no, even on a terminal);
 * 4. otherwise: only when stdout is a terminal and `TERM` is not `dumb`.
 */
export interface ColorInputs {
  env: Readonly<Record<string, string | undefined>>;
  /** `process.stdout.isTTY`. */
  isTTY: boolean | undefined;
  /** The report is written to a file rather than stdout. */
  toFile: boolean;
}

export function colorAllowed({ env, isTTY, toFile }: ColorInputs): boolean {
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}
