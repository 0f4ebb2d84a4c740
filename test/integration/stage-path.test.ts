/**
 * The opportunities' stage path (a bit per process stage entered, opportunities/stage-path.ts),
 * which the pipeline's stage conversion counts: kept in step with the stage history by every
 * move, and derived from the history once by its migration.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../electron/db/connection';
import { migrateUp } from '../../electron/db/migrator';
import { stagePathOf } from '../../electron/opportunities/stage-path';
import { MIGRATIONS } from '../../migrations';
import type { Stage } from '../../shared/sales-enums';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';
import { versionOf } from '../helpers/versions';

let app: TestApp | undefined;
const open: Connection[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  await Promise.all(open.splice(0).map((c) => c.close()));
});

describe('stage path', () => {
  it('follows every move, reopening included, and conversion counts from it', async () => {
    const a = (app = await signedInApp('manager'));
    const gov = await a.value('accounts.create', { account: account({ name: '杭州市公安局' }) });
    const o = await a.value('opportunities.create', {
      accountId: gov.id,
      title: '执法车',
      expectedCloseOn: '2026-06-30',
    });
    const move = async (stage: Stage, more: object = {}) =>
      a.value('opportunities.move', {
        id: o.id,
        version: await versionOf(a, 'opportunities', o.id),
        stage,
        ...more,
      });
    await move('design');
    await move('lost', { lostReason: 'price' });
    await move('comparison');
    const stored = () =>
      a.deps.db
        .selectFrom('opportunities')
        .select('stage_path')
        .where('id', '=', o.id)
        .executeTakeFirstOrThrow();
    const history = await a.deps.db
      .selectFrom('opportunity_stages')
      .select('to_stage')
      .where('opportunity_id', '=', o.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.to_stage)).toEqual(['interest', 'design', 'lost', 'comparison']);
    expect((await stored()).stage_path).toBe(stagePathOf(['interest', 'design', 'comparison']));

    const flow = await a.value('dashboards.pipelineFlow', { from: '2026-06-01', to: '2026-06-30' });
    const reached = Object.fromEntries(
      flow.conversion.map((c) => [c.stage, [c.reached, c.advanced]]),
    );
    // Entered interest, design and comparison; went past interest and design, not (yet) comparison.
    expect(reached).toMatchObject({
      interest: [1, 1],
      brewing: [0, 0],
      design: [1, 1],
      comparison: [1, 0],
      commitment: [0, 0],
    });
  });

  it('is derived from the stage history by its migration', async () => {
    const conn = connect(path.join(tempDir(), 'db.sqlite'));
    open.push(conn);
    await migrateUp(conn.db, MIGRATIONS, '20261204140000_analysis_indexes');
    const run = (q: string, ...params: unknown[]) => conn.sqlite.prepare(q).run(...params);
    const at = '2026-11-20T02:00:00.000Z';
    run(
      `insert into accounts (id, name, name_norm, name_sort, buyer_type, grade, lifecycle, search_text, created_at, updated_at)
       values (1, '杭州市公安局', '杭州市公安局', 'hangzhou', 'government', 'A', 'target', '', ?, ?)`,
      at,
      at,
    );
    const history: Record<number, Stage[]> = {
      1: ['interest', 'design', 'lost'],
      2: ['brewing', 'commitment', 'in_use', 'won'],
      3: [],
    };
    for (const [id, stages] of Object.entries(history)) {
      run(
        `insert into opportunities (id, account_id, title, title_sort, buyer_type, stage, stage_changed_at, search_text, created_at, updated_at)
         values (?, 1, 't', 't', 'government', 'interest', ?, '', ?, ?)`,
        Number(id),
        at,
        at,
        at,
      );
      for (const stage of stages)
        run(
          `insert into opportunity_stages (opportunity_id, at, from_stage, to_stage, cause) values (?, ?, null, ?, 'manual')`,
          Number(id),
          at,
          stage,
        );
    }
    await migrateUp(conn.db, MIGRATIONS, '20261205100000_opportunity_stage_path');
    const paths = conn.sqlite.prepare('select id, stage_path from opportunities order by id').all();
    expect(paths).toEqual(
      Object.entries(history).map(([id, stages]) => ({
        id: Number(id),
        stage_path: stagePathOf(stages),
      })),
    );
    expect(stagePathOf(history[2]!)).toBe(2 + 16 + 32 + 64);
  });
});
