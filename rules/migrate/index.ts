import type { MigrateRule } from '../../src/migrate/lint/rule-context.ts';
import { alterColumnType } from './alter-column-type/rule.ts';
import { dropColumn } from './drop-column/rule.ts';
import { dropTable } from './drop-table/rule.ts';
import { notNullWithoutDefault } from './not-null-without-default/rule.ts';
import { renameColumn } from './rename-column/rule.ts';
import { renameTable } from './rename-table/rule.ts';
import { syntaxError } from './syntax-error/rule.ts';

/** The blue-green compatibility rules: what breaks the old version while it still serves traffic. */
export const MIGRATE_RULES: readonly MigrateRule[] = [dropColumn, renameColumn, renameTable, alterColumnType, notNullWithoutDefault, dropTable, syntaxError];
