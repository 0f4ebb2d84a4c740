/**
 * "Reviewed this week" (seed 003: each rep checks each card at least weekly): a review counts for
 * the China week (Monday to Sunday) it was made in, once per person and card; the card shows this
 * week's reviewers and the last review; a person's weekly list holds their accounts (owner or
 * co-owner) they have not reviewed this week; only the account's team and managers see or record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../shared/clock';
import { testApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function setUp(at: string) {
  const clock = new SettableClock(at);
  app = await testApp(tempDir(), { clock });
  const manager = await app.value('auth.setUp', { name: '王经理', role: 'manager' });
  const li = await app.value('staff.create', { name: '李专员', role: 'specialist' });
  const zhao = await app.value('staff.create', { name: '赵专员', role: 'specialist' });
  const mk = (name: string, ownerId: number) =>
    app!.value('accounts.create', { account: account({ name, ownerId }) });
  const police = await mk('杭州市公安局', li.id);
  const water = await mk('杭州水务集团', li.id);
  const bus = await mk('杭州公交集团', zhao.id);
  // Li co-owns Zhao's bus company: it is on Li's list too.
  await app.value('accounts.setTeam', { id: bus.id, coOwnerIds: [li.id] });
  return { app, clock, manager, li, zhao, police, water, bus };
}

describe('account card reviews', () => {
  it('counts a review for its China week: Sunday night is last week, Monday 00:00 this week', async () => {
    // Sunday 14 June 2026, 23:30 in Beijing (15:30 UTC).
    const s = await setUp('2026-06-14T15:30:00.000Z');
    await s.app.value('auth.pick', { staffId: s.li.id });

    const sunday = await s.app.value('reviews.record', { accountId: s.police.id });
    expect(sunday.weekStart).toBe('2026-06-08');
    expect(sunday.mine).toBe(true);
    expect(sunday.thisWeek).toEqual([
      { by: { id: s.li.id, name: '李专员' }, at: '2026-06-14T15:30:00.000Z' },
    ]);
    // Once per person, card and week.
    const again = await s.app.call('reviews.record', { accountId: s.police.id });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('CONFLICT');
      expect(again.error.details).toMatchObject({ kind: 'review.already_this_week' });
    }

    // Monday 00:00 Beijing is Sunday 16:00 UTC: a new week, last week's review is "last reviewed".
    s.clock.set('2026-06-14T16:00:00.000Z');
    const monday = await s.app.value('reviews.ofAccount', { accountId: s.police.id });
    expect(monday).toMatchObject({ weekStart: '2026-06-15', thisWeek: [], mine: false });
    expect(monday.last).toEqual({
      by: { id: s.li.id, name: '李专员' },
      at: '2026-06-14T15:30:00.000Z',
    });
    const reviewed = await s.app.value('reviews.record', { accountId: s.police.id });
    expect(reviewed.thisWeek).toHaveLength(1);
    expect(reviewed.mine).toBe(true);

    // The review is on the account's history, as who and which week.
    const history = await s.app.value('accounts.history', { id: s.police.id });
    expect(history.rows.filter((r) => r.action === 'account.review').map((r) => r.after)).toEqual([
      { weekStart: '2026-06-15' },
      { weekStart: '2026-06-08' },
    ]);
  });

  it('lists the owner’s accounts not reviewed this week: never reviewed first, then oldest', async () => {
    const s = await setUp('2026-06-03T02:00:00.000Z'); // Wednesday of the week before
    await s.app.value('auth.pick', { staffId: s.li.id });
    await s.app.value('reviews.record', { accountId: s.water.id });

    s.clock.set('2026-06-10T02:00:00.000Z'); // Wednesday, the next week
    const before = await s.app.value('reviews.due', {});
    expect(before).toMatchObject({ weekStart: '2026-06-08', accounts: 3, reviewed: 0 });
    expect(before.due.map((d) => [d.name, d.lastReviewedAt])).toEqual([
      ['杭州公交集团', null],
      ['杭州市公安局', null],
      ['杭州水务集团', '2026-06-03T02:00:00.000Z'],
    ]);

    await s.app.value('reviews.record', { accountId: s.bus.id });
    const after = await s.app.value('reviews.due', {});
    expect(after).toMatchObject({ accounts: 3, reviewed: 1 });
    expect(after.due.map((d) => d.name)).toEqual(['杭州市公安局', '杭州水务集团']);

    // Zhao's own list: their bus company is still due — Li's review is not Zhao's.
    await s.app.value('auth.pick', { staffId: s.zhao.id });
    const zhao = await s.app.value('reviews.due', {});
    expect(zhao).toMatchObject({ accounts: 1, reviewed: 0 });
    expect(zhao.due.map((d) => d.name)).toEqual(['杭州公交集团']);
    // …while the card shows who reviewed it this week.
    const card = await s.app.value('reviews.ofAccount', { accountId: s.bus.id });
    expect(card.thisWeek.map((r) => r.by.name)).toEqual(['李专员']);
    expect(card.mine).toBe(false);
  });

  it('keeps reviews to the account’s team and managers', async () => {
    const s = await setUp('2026-06-10T02:00:00.000Z');
    await s.app.value('auth.pick', { staffId: s.zhao.id });
    for (const call of [
      s.app.call('reviews.record', { accountId: s.police.id }),
      s.app.call('reviews.ofAccount', { accountId: s.police.id }),
    ]) {
      const r = await call;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.details).toMatchObject({ kind: 'not_on_team' });
    }
    // A manager sees and may review any card; it is not on the manager's own list.
    await s.app.value('auth.pick', { staffId: s.manager.id });
    const byManager = await s.app.value('reviews.record', { accountId: s.police.id });
    expect(byManager.thisWeek.map((r) => r.by.name)).toEqual(['王经理']);
    expect(await s.app.value('reviews.due', {})).toMatchObject({ accounts: 0, due: [] });
  });
});
