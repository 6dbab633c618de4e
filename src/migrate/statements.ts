import { parse, type Node } from 'libpg-query';
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

/**
 * Splits a migration into statements with libpg-query (PostgreSQL's parser): dollar quotes,
 * comments and semicolons in strings are handled as the server handles them. A syntax error is a
 * UserError naming the file, line and column.
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
    throw new UserError(`${file}:${at.line}:${at.column}: SQL syntax error: ${(error as Error).message}`, { file, cause: error });
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
