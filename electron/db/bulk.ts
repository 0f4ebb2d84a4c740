/**
 * Bulk writes: kysely writes the SQL (so it stays portable), better-sqlite3 prepares it once and
 * runs it per row — kysely would re-prepare every statement, several times slower per row.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from './schema';

const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

type Row<T extends keyof Database> = { [K in keyof Database[T]]?: unknown };

/** A prepared INSERT for `columns` of `table`; `run(values)` takes the values in column order. */
export function prepareInsert<T extends keyof Database>(
  sqlite: BetterSqlite3.Database,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
): { run(values: unknown[]): number } {
  const placeholder = Object.fromEntries(columns.map((c) => [c, null])) as Row<T>;
  const { sql } = compiler
    .insertInto(table)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a placeholder row; only the SQL text is used
    .values(placeholder as any)
    .compile();
  const stmt = sqlite.prepare(sql);
  return { run: (values) => Number(stmt.run(...values).lastInsertRowid) };
}
