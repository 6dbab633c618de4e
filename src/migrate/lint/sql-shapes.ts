import type { AlterTableCmd, ColumnDef, Constraint, DropStmt, Node, RangeVar, RenameStmt } from 'libpg-query';
import type { SqlStatement } from '../statements.ts';

/** Read-only views of the parse-tree shapes the blue-green rules look at. */

/** "schema.table" or "table", as written. */
export function tableName(relation: RangeVar | undefined): string {
  if (!relation?.relname) return '?';
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}

function body<T>(statement: SqlStatement, kind: string): T | undefined {
  return (statement.node as unknown as Record<string, T | undefined>)[kind];
}

export interface AlterCommand {
  table: string;
  cmd: AlterTableCmd;
}

/** The sub-commands of `ALTER TABLE t …, …` (tables only, not indexes or views). */
export function alterTableCommands(statement: SqlStatement): AlterCommand[] {
  const alter = body<{ relation?: RangeVar; cmds?: Node[]; objtype?: string }>(statement, 'AlterTableStmt');
  if (!alter || (alter.objtype && alter.objtype !== 'OBJECT_TABLE')) return [];
  const table = tableName(alter.relation);
  return (alter.cmds ?? []).flatMap((node) => {
    const cmd = (node as { AlterTableCmd?: AlterTableCmd }).AlterTableCmd;
    return cmd ? [{ table, cmd }] : [];
  });
}

export function renameOf(statement: SqlStatement): RenameStmt | undefined {
  return body<RenameStmt>(statement, 'RenameStmt');
}

export function dropOf(statement: SqlStatement): DropStmt | undefined {
  return body<DropStmt>(statement, 'DropStmt');
}

/** Names of the objects of a DROP statement ("schema.table"). */
export function droppedNames(drop: DropStmt): string[] {
  return (drop.objects ?? []).map((object) => {
    const items = (object as { List?: { items?: Node[] } }).List?.items ?? [];
    return items.map((item) => (item as { String?: { sval?: string } }).String?.sval ?? '?').join('.');
  });
}

/** The table a CREATE TABLE (… AS) statement creates, if it is one. */
export function createdTable(statement: SqlStatement): string | undefined {
  const create = body<{ relation?: RangeVar }>(statement, 'CreateStmt');
  if (create) return tableName(create.relation);
  const rel = body<{ into?: { rel?: RangeVar } }>(statement, 'CreateTableAsStmt')?.into?.rel;
  return rel ? tableName(rel) : undefined;
}

export function columnDef(cmd: AlterTableCmd): ColumnDef | undefined {
  return (cmd.def as { ColumnDef?: ColumnDef } | undefined)?.ColumnDef;
}

export function constraintsOf(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((node) => {
    const c = (node as { Constraint?: Constraint }).Constraint;
    return c ? [c] : [];
  });
}

/** NOT NULL (or PRIMARY KEY, which implies it) declared on a column definition. */
export function declaresNotNull(column: ColumnDef): boolean {
  return column.is_not_null === true || constraintsOf(column).some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
}

/** A DEFAULT, identity or generated value on a column definition. */
export function declaresDefault(column: ColumnDef): boolean {
  return (
    column.raw_default !== undefined ||
    Boolean(column.identity) ||
    constraintsOf(column).some((c) => c.contype === 'CONSTR_DEFAULT' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED')
  );
}

/** Unqualified, lower-case table name for comparisons ("public.Accounts" → "accounts"). */
export function sameTable(a: string, b: string): boolean {
  const strip = (n: string) => n.replace(/^public\./, '').toLowerCase();
  return strip(a) === strip(b);
}
