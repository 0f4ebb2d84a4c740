/**
 * Every grid pages by key first (grid/page.ts): the count counts the keys its filters select, a
 * page finds its keys in the sorted order (from the far end when nearer), and only those rows are
 * joined for display. Here, for
 * the activities grid (left-joined to its account, opportunity, contact and staff): every page,
 * in every order and filter, holds exactly the rows the whole joined query holds at that offset,
 * and the count is the whole query's length.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activityGridQuery, listActivities } from '../../electron/activities/service';
import type { ListQuery } from '../../shared/list';
import type { ActivityColumn } from '../../shared/schemas/activities';
import { testApp, type TestApp } from '../helpers/app';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const AT = '2026-03-01T00:00:00.000Z';

function seed(a: TestApp) {
  const sqlite = a.database.sqlite;
  const staff = ['李娜', '王强'].map(
    (name) =>
      sqlite
        .prepare(
          "insert into staff (name, role, active, created_at) values (?, 'specialist', 1, ?)",
        )
        .run(name, AT).lastInsertRowid as number,
  );
  const accounts = ['杭州市公安局', '宁波运输有限公司', '温州市税务局'].map(
    (name, i) =>
      sqlite
        .prepare(
          `insert into accounts (name, name_norm, name_sort, buyer_type, grade, lifecycle, search_text, created_at, updated_at)
           values (?, ?, ?, 'direct', 'B', 'target', ?, ?, ?)`,
        )
        .run(name, name, ['hang', 'ning', 'wen'][i], name, AT, AT).lastInsertRowid as number,
  );
  const opportunity = sqlite
    .prepare(
      `insert into opportunities (account_id, title, title_sort, buyer_type, stage, stage_changed_at, search_text, created_at, updated_at)
       values (?, '警用车辆更新', 'jing', 'direct', 'interest', ?, '警用车辆更新', ?, ?)`,
    )
    .run(accounts[0], AT, AT, AT).lastInsertRowid as number;
  const contact = sqlite
    .prepare(
      "insert into contacts (account_id, name, created_at, updated_at) values (?, '张科长', ?, ?)",
    )
    .run(accounts[0], AT, AT).lastInsertRowid as number;
  const insert = sqlite.prepare(
    `insert into activities (type, account_id, opportunity_id, contact_id, staff_id, occurred_on, summary, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const types = ['visit', 'call', 'quote'];
  for (let i = 0; i < 47; i++)
    insert.run(
      types[i % 3],
      accounts[i % 3],
      i % 3 === 0 && i % 2 === 0 ? opportunity : null,
      i % 3 === 0 && i % 5 === 0 ? contact : null,
      i % 4 === 0 ? null : staff[i % 2],
      // Many activities share a day: the pages must still split them the same way.
      `2026-03-${String(1 + (i % 6)).padStart(2, '0')}`,
      i % 7 === 0 ? '谈更新计划' : '例行回访',
      AT,
      AT,
    );
}

describe('a grid page found by key first', () => {
  it('holds the rows the whole query holds, in every order and filter, and counts them', async () => {
    app = await testApp();
    seed(app);
    const sorts: ListQuery<ActivityColumn>['sort'][] = [
      [],
      [{ field: 'occurredOn', desc: false }],
      [{ field: 'accountName', desc: true }],
      [{ field: 'staffId', desc: false }],
      [{ field: 'opportunityTitle', desc: true }],
      [
        { field: 'type', desc: false },
        { field: 'occurredOn', desc: true },
      ],
    ];
    const views: Pick<ListQuery<ActivityColumn>, 'filters' | 'search'>[] = [
      { filters: [] },
      { filters: [{ field: 'type', op: 'in', values: ['visit', 'quote'] }] },
      { filters: [{ field: 'accountName', op: 'contains', value: '公安' }] },
      { filters: [{ field: 'opportunityTitle', op: 'contains', value: '警用' }] },
      { filters: [{ field: 'contactName', op: 'contains', value: '张' }] },
      { filters: [], search: '更新' },
    ];
    let compared = 0;
    for (const view of views)
      for (const sort of sorts) {
        const query = { ...view, sort, teamOf: null };
        const whole = await activityGridQuery(app.deps.db, query).rows.execute();
        // Pages in the far half of a view are found from its other end (reversed order).
        for (const [offset, limit] of [
          [0, 10],
          [9, 10],
          [25, 10],
          [40, 10],
          [46, 5],
          [47, 10],
        ] as const) {
          const page = await listActivities(app.deps.db, { ...query, offset, limit });
          expect(page.total).toBe(whole.length);
          expect(page.rows.map((r) => r.id)).toEqual(
            whole.slice(offset, offset + limit).map((r) => r.id),
          );
          compared += page.rows.length;
        }
      }
    // The views are not all empty: most pages held rows.
    expect(compared).toBeGreaterThan(400);
  });
});
