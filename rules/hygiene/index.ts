import type { HygieneRule } from '../../src/checks/hygiene/rule-context.ts';
import { brokenSymlink } from './broken-symlink/rule.ts';
import { byteOrderMark } from './byte-order-mark/rule.ts';
import { caseConflict } from './case-conflict/rule.ts';
import { endOfFile } from './end-of-file/rule.ts';
import { executableWithoutShebang } from './executable-without-shebang/rule.ts';
import { interruptedFix } from './interrupted-fix/rule.ts';
import { invalidJson } from './invalid-json/rule.ts';
import { invalidToml } from './invalid-toml/rule.ts';
import { invalidYaml } from './invalid-yaml/rule.ts';
import { largeFile } from './large-file/rule.ts';
import { mergeConflict } from './merge-conflict/rule.ts';
import { mixedLineEndings } from './mixed-line-endings/rule.ts';
import { noCommitToBranch } from './no-commit-to-branch/rule.ts';
import { trailingWhitespace } from './trailing-whitespace/rule.ts';

/**
 * Every hygiene rule, in the order they run. The fixable ones come first and in the order
 * their fixes compose: the byte-order mark goes before anything reads the first line, CRLF
 * becomes LF before trailing whitespace is stripped, and the end of the file is settled last
 * (stripping whitespace can leave blank lines at the end).
 */
export const HYGIENE_RULES: readonly HygieneRule[] = [
  byteOrderMark,
  mixedLineEndings,
  trailingWhitespace,
  endOfFile,
  mergeConflict,
  invalidJson,
  invalidYaml,
  invalidToml,
  largeFile,
  executableWithoutShebang,
  caseConflict,
  brokenSymlink,
  noCommitToBranch,
  interruptedFix,
];
