/**
 * A page of the accounts grid is found by id first and only its rows are joined (list-page.ts):
 * every page, in every order the grid offers — name, owner, parent, a fact, none — with filters
 * and a quick search, holds exactly the rows the whole joined query holds at that offset.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sortedRowsQuery } from '../../electron/accounts/repository';
import { addStaff, signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('a page found by id first', () => {
  it('holds the rows the whole query holds, in every order, filter and search', async () => {
    app = await signedInApp('manager');
    const a = app;
    const owners = [
      await addStaff(a, { name: '李娜', role: 'specialist' }),
      await addStaff(a, { name: '王强', role: 'specialist' }),
    ];
    const parent = await a.value('accounts.create', {
      account: account({ name: '浙江省公安厅', buyerType: 'government' }),
    });
    const cities = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华'];
    for (let i = 0; i < 35; i++)
      await a.value('accounts.create', {
        account: account({
          name: `${cities[i % cities.length]}市${i % 3 === 0 ? '公安局' : '运输有限公司'}${i}`,
          buyerType: i % 3 === 0 ? 'government' : 'direct',
          ownerId: i % 4 === 0 ? null : owners[i % 2]!.id,
          parentId: i % 5 === 0 ? parent.id : null,
        }),
      });
    const sorts = [
      [],
      [{ field: 'name', desc: false }],
      [{ field: 'name', desc: true }],
      [{ field: 'ownerId', desc: false }],
      [{ field: 'parentName', desc: true }],
      [{ field: 'revenueWan', desc: true }],
      [{ field: 'createdAt', desc: false }],
    ] as const;
    const views = [
      { filters: [] },
      { filters: [{ field: 'buyerType', op: 'in', values: ['government'] }] },
      { filters: [], search: '公安' },
      { filters: [], search: '有限' },
      { filters: [{ field: 'parentName', op: 'contains', value: '公安厅' }], search: '市' },
    ] as const;
    let filled = 0;
    for (const view of views)
      for (const sort of sorts)
        for (const [offset, limit] of [
          [0, 10],
          [7, 10],
          [30, 10],
        ] as const) {
          const query = { ...view, sort: [...sort], offset, limit } as never;
          const page = await a.value('accounts.list', query);
          if (page.rows.length > 0) filled++;
          const whole = await sortedRowsQuery(a.deps.db, {
            ...(query as object),
            valueScope: null,
          } as never)
            .offset(offset)
            .limit(limit)
            .execute();
          expect({ view, sort, offset, ids: page.rows.map((r) => r.id) }).toEqual({
            view,
            sort,
            offset,
            ids: whole.map((r) => r.id),
          });
        }
    // Most of the 105 pages hold rows (the searches' last pages run past their few matches).
    expect(filled).toBeGreaterThanOrEqual(70);
  });
});
