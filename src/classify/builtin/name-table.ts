import type { BuiltinErrorType } from '../../errors/taxonomy.js';
import {
  compileMessageTable,
  matchMessage,
  type MessageRow,
  type MessageTable,
} from './message-table.js';

/**
 * One row of a name table: an error `name`, the type it means (`undefined`: the name alone says
 * nothing, let the message decide), and message rows that override it for that name only.
 */
export type NameRow = readonly [
  name: string,
  type: BuiltinErrorType | undefined,
  unless?: readonly MessageRow[],
];

/** A compiled name row. */
export interface NameEntry {
  readonly type: BuiltinErrorType | undefined;
  readonly unless: MessageTable | undefined;
}

/**
 * Compiles name rows into a map for one lookup per error. Later rows with the same name replace
 * earlier ones.
 *
 * @example
 * const names = compileNameTable([['AbortError', 'cancelled']]);
 * typeForName(names.get('AbortError')!, 'signal is aborted without reason'); // 'cancelled'
 */
export function compileNameTable(rows: readonly NameRow[]): ReadonlyMap<string, NameEntry> {
  const table = new Map<string, NameEntry>();
  for (const [name, type, unless] of rows) {
    table.set(name, {
      type,
      unless: unless === undefined ? undefined : compileMessageTable(unless),
    });
  }
  return table;
}

/** The type a name entry gives an error with this message. */
export function typeForName(entry: NameEntry, message: string): BuiltinErrorType | undefined {
  return (
    (entry.unless === undefined ? undefined : matchMessage(entry.unless, message)) ?? entry.type
  );
}
