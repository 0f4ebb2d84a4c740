/**
 * The opportunities board: each stage's count, amount and weighted amount, and the first cards of
 * each open stage, read through the grid's query (repository.ts).
 */
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { Board } from '../../shared/schemas/opportunities';
import { CLOSED_STAGES, OPEN_STAGES, STAGE_VALUES, type Stage } from '../../shared/sales-enums';
import type { Database } from '../db/schema';
import {
  filtered,
  type OpportunityView,
  type Probabilities,
  type RowRecord,
  rowsQuery,
  toRow,
  weighted,
} from './repository';

/** Open cards soonest-closing first (undated last), then the largest. */
const BOARD_SORT: OpportunityView['sort'] = [
  { field: 'expectedCloseOn', desc: false },
  { field: 'amountFen', desc: true },
];

type BoardQuery = Omit<OpportunityView, 'sort'> & { includeClosed: boolean; cardsPerStage: number };

/** The stage's place in the board's card statement, filled with each stage as it runs. */
const EACH_STAGE = Object.freeze({ slot: 'stage' });

interface BoardStatements {
  sums: CompiledQuery<{ stage: Stage; n: number; amount: number }>;
  cards: CompiledQuery<RowRecord>;
  /** Which of the card statement's parameters is the stage. */
  stageAt: number;
}

/**
 * The board's statements, compiled once per view (filters, search, team, card count and the stage
 * probabilities the columns use): building and compiling them took kysely about a third of the
 * time SQLite takes to run them, on a board that reloads after every card moved. The open stages'
 * cards differ only in the stage, one parameter.
 */
const boardStatements = new Map<string, BoardStatements>();

function boardStatementsFor(db: Kysely<Database>, query: BoardQuery, p: Probabilities) {
  const { filters, search, teamOf, cardsPerStage } = query;
  const key = JSON.stringify([filters, search ?? '', teamOf, cardsPerStage, p]);
  let statements = boardStatements.get(key);
  if (!statements) {
    const cards = rowsQuery(db, { ...query, sort: BOARD_SORT }, p)
      .where(sql<boolean>`o.stage = ${EACH_STAGE}`)
      .limit(cardsPerStage)
      .compile();
    statements = {
      sums: filtered(db, query, p, false)
        .select((eb) => [
          'o.stage',
          eb.fn.countAll<number>().as('n'),
          eb.fn.coalesce(eb.fn.sum<number>('o.amount_fen'), sql<number>`0`).as('amount'),
        ])
        .groupBy('o.stage')
        .compile(),
      cards,
      stageAt: cards.parameters.indexOf(EACH_STAGE),
    };
    if (boardStatements.size >= 32) boardStatements.clear();
    boardStatements.set(key, statements);
  }
  return statements;
}

export async function opportunityBoard(
  db: Kysely<Database>,
  query: BoardQuery,
  p: Probabilities,
): Promise<Board> {
  const statements = boardStatementsFor(db, query, p);
  const { rows: sums } = await db.executeQuery(statements.sums);
  const byStage = new Map(sums.map((s) => [s.stage, s]));
  const stages: readonly Stage[] = query.includeClosed
    ? STAGE_VALUES
    : [...OPEN_STAGES, ...CLOSED_STAGES];
  const columns = await Promise.all(
    stages.map(async (stage) => {
      const sum = byStage.get(stage);
      const count = Number(sum?.n ?? 0);
      const amountFen = Number(sum?.amount ?? 0);
      const showCards =
        query.cardsPerStage > 0 &&
        count > 0 &&
        (query.includeClosed || !(CLOSED_STAGES as readonly Stage[]).includes(stage));
      const parameters = [...statements.cards.parameters];
      parameters[statements.stageAt] = stage;
      const cards = showCards
        ? (await db.executeQuery<RowRecord>({ ...statements.cards, parameters })).rows
        : [];
      return {
        stage,
        probability: p[stage],
        count,
        amountFen,
        weightedFen: weighted(amountFen, p[stage]),
        cards: cards.map((r) => toRow(r, p)),
      };
    }),
  );
  // The total forecast is of the open pipeline: won business is no longer a forecast.
  const open = columns.filter((c) => (OPEN_STAGES as readonly Stage[]).includes(c.stage));
  return {
    columns,
    total: {
      count: open.reduce((n, c) => n + c.count, 0),
      amountFen: open.reduce((n, c) => n + c.amountFen, 0),
      weightedFen: open.reduce((n, c) => n + c.weightedFen, 0),
    },
  };
}
