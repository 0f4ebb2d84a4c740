/**
 * The per-row work an import can do before, and apart from, its database writes — by name, so
 * that a reader thread (row-reader.ts) can be told which to run. A preparer is made once for the
 * run's choices and then called for every data row; what it returns crosses a thread boundary,
 * so it is plain data.
 */
import type { ImportRunInput } from '../../shared/schemas/imports';
import type { NormalCell } from '../excel/read/cell-value';
import { accountRowPreparer } from './account-row';

export const ROW_PREPARERS = {
  accounts: accountRowPreparer,
} satisfies Record<string, (input: ImportRunInput) => (cells: readonly NormalCell[]) => unknown>;

export type PreparerName = keyof typeof ROW_PREPARERS;
export type PreparedRow<N extends PreparerName> = ReturnType<ReturnType<(typeof ROW_PREPARERS)[N]>>;

export function isPreparerName(name: unknown): name is PreparerName {
  return typeof name === 'string' && Object.hasOwn(ROW_PREPARERS, name);
}
