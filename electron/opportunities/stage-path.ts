/**
 * Each opportunity's stage path (opportunities.stage_path): a bit per stage of the process it has
 * ever entered — the open stages in process order, then won (lost and abandoned end a path, they
 * are not on it). Stage conversion counts, per stage, the opportunities that entered it and those
 * that went further; with the path in one column that is a pass over an index, not a group-by of
 * every opportunity's history. This module owns the column: the stage writer (service.ts) sets a
 * stage's bit in the same statement that records the stage; the migration derived it from the
 * history once.
 */
import { sql } from 'kysely';
import { OPEN_STAGES, type Stage } from '../../shared/sales-enums';

/** The stages a path is made of, in process order: bit i is PATH_STAGES[i]. */
export const PATH_STAGES = [...OPEN_STAGES, 'won'] as const;

/** The stage's bit, or 0 for a stage that is not on the path (lost, abandoned). */
export function stagePathBit(stage: Stage): number {
  const i = (PATH_STAGES as readonly Stage[]).indexOf(stage);
  return i === -1 ? 0 : 2 ** i;
}

/** The path of a history (for stores written outside the service: tests' and the bench's data). */
export const stagePathOf = (history: readonly Stage[]) =>
  history.reduce((path, stage) => path | stagePathBit(stage), 0);

/** The column's new value once the opportunity enters `stage`, for an update's `set`. */
export const withStage = (stage: Stage) => sql<number>`stage_path | ${stagePathBit(stage)}`;
