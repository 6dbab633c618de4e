import { parse, scan, type Node } from 'libpg-query';
import { UserError } from '../errors/user-error.ts';

/** One SQL statement of a migration file, as PostgreSQL's own parser split it. */
export interface SqlStatement {
  /** The statement text as written (without its closing semicolon), sent to the server as is. */
  text: string;
  /** The parse tree node ({ AlterTableStmt: … }). */
  node: Node;
  /** 1-based line and column of the statement's first character in the file. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Character offset of `text` in the file. */
  offset: number;
}

interface RawStatement {
  stmt?: Node;
  stmt_location?: number;
  stmt_len?: number;
}

/** Maps a character offset of `sql` to a 1-based line and column. */
export function lineColumn(sql: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < sql.length; i++) {
    if (sql.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Character offset of a UTF-8 byte offset (the parser counts bytes). */
function charOffset(bytes: Buffer, byteOffset: number): number {
  return bytes.subarray(0, byteOffset).toString('utf8').length;
}

/** Where and why PostgreSQL's parser rejected a migration. */
export class SqlSyntaxError extends UserError {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(file: string, at: { line: number; column: number }, reason: string, cause: unknown) {
    super(`${file}:${at.line}:${at.column}: SQL syntax error: ${reason}`, { file, cause });
    this.line = at.line;
    this.column = at.column;
    this.reason = reason;
  }
}

/**
 * Splits a migration into statements with libpg-query (PostgreSQL's parser): dollar quotes,
 * comments and semicolons in strings are handled as the server handles them. A syntax error is a
 * SqlSyntaxError (a UserError) naming the file, line and column.
 */
export async function splitStatements(sql: string, file: string): Promise<SqlStatement[]> {
  const bytes = Buffer.from(sql, 'utf8');
  if (sql.trim() === '') return [];
  let stmts: RawStatement[];
  try {
    stmts = ((await parse(sql)) as { stmts?: RawStatement[] }).stmts ?? [];
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const at = details?.cursorPosition === undefined ? { line: 1, column: 1 } : lineColumn(sql, charOffset(bytes, details.cursorPosition));
    throw new SqlSyntaxError(file, at, (error as Error).message, error);
  }
  const result: SqlStatement[] = [];
  for (const raw of stmts) {
    if (!raw.stmt) continue;
    const startByte = raw.stmt_location ?? 0;
    const endByte = raw.stmt_len ? startByte + raw.stmt_len : bytes.length;
    const start = charOffset(bytes, startByte);
    const whole = bytes.subarray(startByte, endByte).toString('utf8');
    const lead = whole.length - whole.trimStart().length;
    const text = whole.trim().replace(/;\s*$/, '');
    const offset = start + lead;
    const begin = lineColumn(sql, offset);
    const end = lineColumn(sql, offset + Math.max(text.length - 1, 0));
    result.push({ text, node: raw.stmt, line: begin.line, column: begin.column, endLine: end.line, endColumn: end.column + 1, offset });
  }
  return result;
}

/** The statement's node type: "AlterTableStmt", "CreateStmt", … */
export function statementKind(node: Node): string {
  return Object.keys(node)[0] ?? 'unknown';
}

/** A statement as `migrate up` runs it: where it is, and its leading words for the pre-flight checks. */
export interface ExecStatement {
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  /** The first words of the statement, upper-cased, comments skipped: ["CREATE", "UNIQUE", "INDEX", …]. */
  words: string[];
  /** CONCURRENTLY appears as a keyword anywhere in the statement. */
  concurrently: boolean;
}

interface Token {
  start: number;
  end: number;
  text: string;
  tokenName: string;
  keywordKind: number;
}

const COMMENTS = new Set(['SQL_COMMENT', 'C_COMMENT']);

function execStatement(sql: string, bytes: Buffer, tokens: Token[], startByte: number, endByte: number): ExecStatement | undefined {
  const own = tokens.filter((t) => t.start >= startByte && t.end <= endByte && !COMMENTS.has(t.tokenName) && t.tokenName !== 'ASCII_59');
  const first = own[0];
  const last = own.at(-1);
  if (!first || !last) return undefined;
  const offset = charOffset(bytes, first.start);
  const text = bytes.subarray(first.start, last.end).toString('utf8');
  const begin = lineColumn(sql, offset);
  const end = lineColumn(sql, offset + Math.max(text.length - 1, 0));
  return {
    text,
    offset,
    line: begin.line,
    column: begin.column,
    endLine: end.line,
    endColumn: end.column + 1,
    words: own.slice(0, 6).map((t) => t.text.toUpperCase()),
    concurrently: own.some((t) => t.keywordKind > 0 && t.text.toUpperCase() === 'CONCURRENTLY'),
  };
}

/**
 * The statements `migrate up` sends, found with PostgreSQL's own scanner (libpg-query `scan`): it
 * knows strings, dollar quotes, comments and identifiers exactly as the server does, so a top-level
 * `;` ends a statement. The full parser is used instead when `validate` is set (no-transaction
 * migrations, where a syntax error in a later statement must be found before earlier ones run) and
 * for SQL-standard function bodies (`BEGIN ATOMIC … END`, which contain top-level semicolons).
 * The scanner is used by default because the parser's WebAssembly is expensive to tear down: a
 * process that parsed 50 migrations spends seconds at exit while V8 finishes optimising it.
 * Syntax errors that only the parser sees surface from the server instead, inside the migration's
 * transaction, so nothing of the migration remains.
 */
export async function statementsForExecution(sql: string, file: string, options: { validate: boolean }): Promise<ExecStatement[]> {
  if (sql.trim() === '') return [];
  const bytes = Buffer.from(sql, 'utf8');
  let tokens: Token[];
  try {
    tokens = (await scan(sql)).tokens as Token[];
  } catch {
    // A lexical error (an unterminated string or comment): the parser words it with a position.
    await splitStatements(sql, file);
    throw new UserError(`${file}: SQL could not be read (an unterminated string, identifier or comment?)`, { file });
  }
  const atomic = tokens.some((t, i) => t.text.toUpperCase() === 'BEGIN' && tokens[i + 1]?.text.toUpperCase() === 'ATOMIC');
  const ranges: [number, number][] = [];
  if (options.validate || atomic) {
    for (const s of await splitStatements(sql, file)) {
      const startByte = Buffer.byteLength(sql.slice(0, s.offset), 'utf8');
      ranges.push([startByte, startByte + Buffer.byteLength(s.text, 'utf8')]);
    }
  } else {
    let start = 0;
    for (const t of tokens) {
      if (t.tokenName !== 'ASCII_59') continue;
      ranges.push([start, t.start]);
      start = t.end;
    }
    ranges.push([start, bytes.length]);
  }
  return ranges.map(([a, b]) => execStatement(sql, bytes, tokens, a, b)).filter((s): s is ExecStatement => s !== undefined);
}
