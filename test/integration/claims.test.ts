/**
 * Claims (报备) through the API: filing at the system clock, colleagues' claims on one organisation
 * (found across names, aliases, USCC and the hierarchy) as an internal overlap a manager settles,
 * other dealers' claims ranked by the manufacturer's order, territory authorisation, the
 * manufacturer's reply, renewal, expiry written by the sweep only (reads never write) and shown in
 * the calendar and my day, and the dispute dossier.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../electron/app/create-app';
import { sweepClaims } from '../../electron/claims/sweep';
import { now, SettableClock, startClockAt } from '../../shared/clock';
import { addDays, chinaDate } from '../../shared/dates';
import type { ErrorCode } from '../../shared/result';
import { signedInApp, testApp, type TestApp, WORKER_FROM_SOURCE, addStaff } from '../helpers/app';
import { useTestClock } from '../helpers/clock';
import { account } from '../helpers/fixtures';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => {
  await app?.close();
  useTestClock();
});

async function auditOf(claimId: number, action?: string) {
  let q = app.deps.db
    .selectFrom('audit_log')
    .select(['action', 'after_json'])
    .where('entity', '=', 'claim')
    .where('entity_id', '=', claimId);
  if (action) q = q.where('action', '=', action);
  return q.orderBy('id').execute();
}

async function auditCount() {
  const r = await app.deps.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function rawStatus(claimId: number) {
  const r = await app.deps.db
    .selectFrom('claims')
    .select(['status', 'overlap_since'])
    .where('id', '=', claimId)
    .executeTakeFirstOrThrow();
  return r;
}

/** Moves the business clock `days` ahead of the test's instant. */
function daysLater(days: number) {
  startClockAt(new Date(now().getTime() + days * 86_400_000).toISOString());
}

async function expectError(
  call: Promise<{ ok: boolean; error?: { code: ErrorCode; details?: unknown } }>,
  code: ErrorCode,
  kind: string,
) {
  const r = await call;
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  expect(JSON.stringify(r.error?.details)).toContain(kind);
}

const today = () => chinaDate();

async function colleagues() {
  app = await signedInApp('manager');
  const boss = (await app.value('auth.current', {}))!;
  const li = await addStaff(app, { name: '李明', role: 'specialist' });
  const wang = await addStaff(app, { name: '王芳', role: 'specialist' });
  const as = (s: { id: number }) => app.value('auth.pick', { staffId: s.id });
  return { boss, li, wang, as };
}

async function visits(accountId: number, n: number, type: 'visit' | 'call' = 'visit') {
  for (let i = 0; i < n; i++)
    await app.value('activities.create', {
      type,
      accountId,
      occurredOn: addDays(today(), -i - 1),
      summary: `第${i + 1}次`,
    });
}

describe('claims', () => {
  it('files at the system clock; a colleague’s claim under another name is an internal overlap the manager settles', async () => {
    const { boss, li, wang, as } = await colleagues();
    const full = await app.value('accounts.create', {
      account: account({
        name: '北京市朝阳区城市管理委员会',
        buyerType: 'government',
        ownerId: li.id,
        aliases: [{ alias: '朝阳区城管委', kind: 'alias' }],
      }),
    });
    const short = await app.value('accounts.create', {
      account: account({
        name: '朝阳区城管委',
        buyerType: 'government',
        uscc: null,
        ownerId: wang.id,
      }),
      acknowledgeDuplicates: true,
    });

    await as(li);
    await visits(full.id, 3);
    const mine = await app.value('claims.create', { accountId: full.id });
    expect(mine).toMatchObject({ status: 'draft', filedAt: null, authState: 'not_needed' });
    const before = now().getTime();
    const filed = await app.value('claims.file', { id: mine.id });
    expect(filed.status).toBe('filed');
    expect(Date.parse(filed.filedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(filed.expiresOn).toBe(addDays(chinaDate(filed.filedAt!), 90));
    expect(filed.evidenceCount).toBe(3);
    // Filed claims are not drafts any more: nothing (and no filing time) can be edited.
    await expectError(
      app.call('claims.update', {
        id: mine.id,
        version: await versionOf(app, 'claims', mine.id),
        claim: { accountId: full.id },
      }),
      'CONFLICT',
      'claim.not_draft',
    );

    await as(wang);
    await visits(short.id, 1, 'call');
    const theirs = await app.value('claims.create', { accountId: short.id });
    // Ahead of filing, the draft already shows the colleague's claim: as an overlap, not ranked.
    expect(theirs.conflict).toBeNull();
    expect(theirs.overlap).toMatchObject({
      since: null,
      claims: [
        { claimId: theirs.id, claimant: { name: '王芳' } },
        { claimId: mine.id, claimant: { name: '李明' }, filedAt: filed.filedAt },
      ],
    });
    const overlapping = await app.value('claims.file', { id: theirs.id });
    // Two of our own staff are no manufacturer's conflict: both stay filed, nobody "wins".
    expect(overlapping).toMatchObject({ status: 'filed', conflict: null });
    expect(overlapping.overlap!.since).toBe(overlapping.filedAt);
    expect(overlapping.overlap!.claims.map((c) => [c.claimId, c.claimant?.name])).toEqual([
      [theirs.id, '王芳'],
      [mine.id, '李明'],
    ]);
    expect(overlapping.overlap!.claims[1]!.matches).toContain('alias');
    // The colleague sees that li's claim exists (above), not the claim itself: li does.
    await expectError(app.call('claims.get', { id: mine.id }), 'FORBIDDEN', 'not_on_team');
    await as(li);
    expect(await app.value('claims.get', { id: mine.id })).toMatchObject({
      status: 'filed',
      conflict: null,
      overlapSince: overlapping.filedAt,
    });
    // The manager finds the overlaps to settle in the grid.
    await as(boss);
    const toSettle = await app.value('claims.list', {
      filters: [{ field: 'overlapSince', op: 'dateRange', from: '2000-01-01' }],
    });
    expect(toSettle.rows.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await auditOf(mine.id, 'claims.overlap')).length).toBe(1);
    await as(wang);

    // A customer's wish does not rank colleagues either: the manager decides.
    await app.value('claims.recordWish', { id: theirs.id, note: '客户来函表示希望由王芳负责' });
    expect((await app.value('claims.get', { id: theirs.id })).conflict).toBeNull();

    // Only the claimant or a manager changes a claim; only a manager settles an overlap.
    await expectError(app.call('claims.renew', { id: mine.id }), 'FORBIDDEN', 'claim.not_yours');
    await expectError(
      app.call('claims.settleOverlap', { keepId: theirs.id, note: '王芳自留' }),
      'FORBIDDEN',
      'role',
    );

    // It is routed to the managers: their day lists it, a specialist's does not.
    expect((await app.value('myDay.get', {})).overlapsToSettle).toEqual([]);
    await as(boss);
    expect(
      (await app.value('myDay.get', {})).overlapsToSettle.map((o) => [o.id, o.claimantName]),
    ).toEqual([
      [mine.id, '李明'],
      [theirs.id, '王芳'],
    ]);
    const settled = await app.value('claims.settleOverlap', {
      keepId: theirs.id,
      note: '客户来函指定王芳，经理裁定由王芳负责',
    });
    expect(settled).toMatchObject({ status: 'filed', overlap: null, overlapSince: null });
    expect(await app.value('claims.get', { id: mine.id })).toMatchObject({
      status: 'released',
      releaseReason: '客户来函指定王芳，经理裁定由王芳负责',
      overlapSince: null,
    });
    expect(await auditOf(theirs.id, 'claims.overlapSettled')).toEqual([
      expect.objectContaining({
        after_json: expect.stringContaining(`"kept":${theirs.id}`),
      }),
    ]);
    expect((await app.value('myDay.get', {})).overlapsToSettle).toEqual([]);
    await expectError(
      app.call('claims.settleOverlap', { keepId: theirs.id, note: '再来一次' }),
      'CONFLICT',
      'claim.no_overlap',
    );
  });

  it('ranks other dealers against ours only, and names both sides of the decision', async () => {
    const { li, wang, as } = await colleagues();
    const a = await app.value('accounts.create', {
      account: account({
        name: '杭州市公安局交通警察支队',
        buyerType: 'government',
        ownerId: li.id,
      }),
    });
    // Both colleagues serve it: li as its owner, wang as co-owner (副销售).
    await app.value('accounts.setTeam', { id: a.id, coOwnerIds: [wang.id] });
    await as(li);
    await visits(a.id, 2);
    const liClaim = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id })).id,
    });
    await as(wang);
    const wangDraft = await app.value('claims.create', { accountId: a.id });
    const other = await app.value('claims.recordExternal', {
      accountId: a.id,
      dealerName: '杭州骏诚汽车销售服务有限公司',
      filedAt: new Date(now().getTime() - 3 * 86_400_000).toISOString(),
      evidenceCount: 2,
    });
    expect(other.status).toBe('filed');
    // Li's filed claim is now in conflict with the other dealer; Wang's draft is not filed.
    const li2 = await app.value('claims.get', { id: liClaim.id });
    expect(li2.status).toBe('conflict');
    expect(li2.conflict!.claims.map((c) => c.claimId)).toEqual([other.id, liClaim.id]);
    expect(li2.conflict).toMatchObject({
      winnerId: other.id,
      runnerUpId: liClaim.id,
      decidedBy: 'filing_time',
    });
    // A colleague's draft is no overlap yet (it shows on the draft, which would create one).
    expect(li2.overlap).toBeNull();
    // Wang's draft ranks against the other dealer alone (an unfiled claim last), never against Li.
    const w = await app.value('claims.get', { id: wangDraft.id });
    expect(w.conflict!.claims.map((c) => [c.claimId, c.claimantName])).toEqual([
      [other.id, '杭州骏诚汽车销售服务有限公司'],
      [wangDraft.id, '王芳'],
    ]);
    expect(w.conflict).toMatchObject({ winnerId: other.id, runnerUpId: wangDraft.id });
    expect(w.overlap!.claims.map((c) => c.claimId)).toEqual([wangDraft.id, liClaim.id]);
    // The other dealer's record ranks its rivals' best: ours, one line for our dealership.
    const o = await app.value('claims.get', { id: other.id });
    expect(o.overlap).toBeNull();
    expect(o.conflict!.claims.map((c) => c.claimId)).toEqual([other.id, liClaim.id]);
  });

  it('stores another dealer’s claim reported after its protection ended as expired, in conflict with nothing', async () => {
    const { li, as } = await colleagues();
    const a = await app.value('accounts.create', {
      account: account({ name: '宁波市财政局', buyerType: 'government', ownerId: li.id }),
    });
    await as(li);
    const ours = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id })).id,
    });
    const old = await app.value('claims.recordExternal', {
      accountId: a.id,
      dealerName: '宁波安达汽车有限公司',
      // 90 days' protection from 100 days ago ended ten days ago.
      filedAt: new Date(now().getTime() - 100 * 86_400_000).toISOString(),
      evidenceCount: 9,
    });
    expect(old).toMatchObject({ status: 'expired', conflict: null });
    expect(await app.value('claims.get', { id: ours.id })).toMatchObject({
      status: 'filed',
      conflict: null,
    });
    expect(await auditOf(ours.id, 'claims.conflict')).toEqual([]);
    // One whose protection runs on still does.
    const live = await app.value('claims.recordExternal', {
      accountId: a.id,
      dealerName: '宁波安达汽车有限公司',
      filedAt: new Date(now().getTime() - 10 * 86_400_000).toISOString(),
    });
    expect(live.status).toBe('filed');
    expect((await app.value('claims.get', { id: ours.id })).status).toBe('conflict');
  });

  it('finds another dealer’s claim on the head office from its unit’s, and ranks equal progress by filing time', async () => {
    await colleagues();
    const head = await app.value('accounts.create', {
      account: account({ name: '中国石化销售股份有限公司浙江分公司', buyerType: 'system' }),
    });
    const unit = await app.value('accounts.create', {
      account: account({ name: '中石化杭州石油分公司', buyerType: 'system', parentId: head.id }),
    });
    const first = await app.value('claims.recordExternal', {
      accountId: head.id,
      dealerName: '杭州骏诚汽车销售服务有限公司',
      filedAt: new Date(now().getTime() - 86_400_000).toISOString(),
      evidenceCount: 0,
    });
    const second = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: unit.id })).id,
    });
    expect(second.conflict).toMatchObject({
      winnerId: first.id,
      runnerUpId: second.id,
      decidedBy: 'filing_time',
    });
    expect(second.conflict!.claims[0]!.matches).toEqual(['hierarchy']);
  });

  it('ranks the manufacturer’s word about another dealer by the same order', async () => {
    await colleagues();
    const a = await app.value('accounts.create', {
      account: account({ name: '杭州市交通运输局', buyerType: 'government' }),
    });
    await visits(a.id, 2);
    const theirs = await app.value('claims.recordExternal', {
      accountId: a.id,
      dealerName: '杭州某某汽车销售服务有限公司',
      filedAt: new Date(now().getTime() - 5 * 86_400_000).toISOString(),
      evidenceCount: 4,
      oemReference: 'BB-OTHER-1',
    });
    expect(theirs).toMatchObject({ source: 'other_dealer', status: 'filed', evidenceCount: 4 });
    await expectError(
      app.call('claims.recordExternal', {
        accountId: a.id,
        dealerName: 'x',
        filedAt: new Date(now().getTime() + 86_400_000).toISOString(),
      }),
      'VALIDATION',
      'claim.filed_in_future',
    );
    const ours = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id })).id,
    });
    expect(ours.status).toBe('conflict');
    expect(ours.conflict).toMatchObject({ winnerId: theirs.id, decidedBy: 'development' });
    expect(ours.conflict!.claims[0]!.claimantName).toBe('杭州某某汽车销售服务有限公司');
  });

  it('blocks a claim outside our territory until a manager records the authorisation', async () => {
    const { boss, li, as } = await colleagues();
    await app.value('settings.setFiling', {
      ...(await app.value('settings.filing', {})),
      territoryCodes: ['330100'],
    });
    const inside = await app.value('accounts.create', {
      account: account({
        name: '杭州市西湖区教育局',
        buyerType: 'government',
        ownerId: li.id,
        provinceCode: '330000',
        cityCode: '330100',
        districtCode: '330106',
      }),
    });
    const outside = await app.value('accounts.create', {
      account: account({
        name: '宁波市鄞州区教育局',
        buyerType: 'government',
        ownerId: li.id,
        provinceCode: '330000',
        cityCode: '330200',
        districtCode: '330212',
      }),
    });
    await as(li);
    expect((await app.value('claims.create', { accountId: inside.id })).authState).toBe(
      'not_needed',
    );
    const draft = await app.value('claims.create', { accountId: outside.id });
    expect(draft).toMatchObject({
      authState: 'needed',
      inTerritory: false,
      territoryCode: '330212',
      fileBlockers: ['claim.needs_authorisation'],
    });
    await expectError(
      app.call('claims.file', { id: draft.id }),
      'POLICY',
      'claim.needs_authorisation',
    );
    const asked = await app.value('claims.requestAuthorisation', {
      id: draft.id,
      addressee: '宁波某某汽车（复合辖区经销商）',
      note: '客户由我店开发两年，申请跨区报备',
    });
    expect(asked.authState).toBe('requested');
    await expectError(
      app.call('claims.answerAuthorisation', { id: draft.id, granted: true, note: 'ok' }),
      'FORBIDDEN',
      'role',
    );
    await as(boss);
    await app.value('claims.answerAuthorisation', {
      id: draft.id,
      granted: true,
      reference: 'SQ-2026-018',
      note: '厂家区域经理同意',
    });
    await as(li);
    const filed = await app.value('claims.file', { id: draft.id });
    expect(filed).toMatchObject({ status: 'filed', authState: 'granted' });
    expect(filed.authorisation).toMatchObject({
      reference: 'SQ-2026-018',
      answeredBy: { name: '测试员' },
    });
  });

  it('records the reply, renews, expires in the calendar and warns in my day ahead of time', async () => {
    const { li, as } = await colleagues();
    await as(li);
    const a = await app.value('accounts.create', {
      account: account({ name: '浙江省农村信用社联合社', buyerType: 'system', ownerId: li.id }),
    });
    const draft = await app.value('claims.create', { accountId: a.id, protectionDays: 10 });
    const filed = await app.value('claims.file', { id: draft.id });
    await expectError(
      app.call('claims.recordReply', {
        id: filed.id,
        outcome: 'approved',
        reply: '同意',
        repliedOn: addDays(today(), -1),
      }),
      'VALIDATION',
      'claim.reply_before_filing',
    );
    const approved = await app.value('claims.recordReply', {
      id: filed.id,
      outcome: 'approved',
      oemReference: 'KA-2026-0001',
      reply: '报备通过，保护期 10 天',
      repliedOn: today(),
    });
    expect(approved).toMatchObject({ status: 'approved', oemReference: 'KA-2026-0001' });

    const expiresOn = addDays(today(), 10);
    const cal = await app.value('calendar.list', {
      from: today(),
      to: addDays(today(), 30),
      kinds: ['claim_expiry'],
    });
    expect(cal.items).toEqual([
      expect.objectContaining({ dueOn: expiresOn, target: { entity: 'claim', id: filed.id } }),
    ]);
    const day = await app.value('myDay.get', {});
    expect(day.expiringClaims).toEqual([
      expect.objectContaining({ id: filed.id, expiresOn, daysLeft: 10 }),
    ]);

    const renewed = await app.value('claims.renew', { id: filed.id });
    expect(renewed).toMatchObject({ expiresOn: addDays(expiresOn, 10), renewals: 1 });

    // The day after protection ends, the sweep expires the claim and it leaves the calendar.
    const later = (days: number) => new Date(now().getTime() + days * 86_400_000);
    expect(await sweepClaims(app.deps.db, new SettableClock(later(19)))).toEqual({
      expired: 0,
      reconciled: 0,
    });
    expect((await sweepClaims(app.deps.db, new SettableClock(later(21)))).expired).toBe(1);
    expect((await app.value('claims.get', { id: filed.id })).status).toBe('expired');
    const after = await app.value('calendar.list', {
      from: today(),
      to: addDays(today(), 60),
      kinds: ['claim_expiry'],
    });
    expect(after.items).toEqual([]);
  });

  it('writes the dispute dossier: activities, claim steps and documents in date order', async () => {
    const { li, as } = await colleagues();
    await as(li);
    const a = await app.value('accounts.create', {
      account: account({ name: '杭州市城市管理局', buyerType: 'government', ownerId: li.id }),
    });
    await visits(a.id, 2);
    const c = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id })).id,
    });
    await app.value('claims.recordWish', { id: c.id, note: '局办公室来函' });
    const dossier = await app.value('claims.dossier', { id: c.id });
    expect(dossier.events.map((e) => `${e.kind}:${e.code}`)).toEqual([
      'activity:visit',
      'activity:visit',
      'claim:claims.create',
      'claim:claims.file',
      'claim:claims.wish',
    ]);

    const { jobId } = await app.value('exports.claimDossier', { claimId: c.id });
    const job = await app.deps.jobs.wait(jobId);
    expect(job.error).toBeNull();
    const delivery = await app.value('exports.deliver', { jobId });
    if (delivery.kind !== 'download') throw new Error('expected a download');
    const file = app.files.get(delivery.url.slice('/api/files/'.length))!.path;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').text).toBe('客户报备争议材料 — 杭州市城市管理局');
    const texts = sheet.getSheetValues().flat().map(String).join('|');
    expect(texts).toContain('提交报备');
    expect(texts).toContain('局办公室来函');
    expect(texts).toContain('李明');
  });

  it('never writes on a read: a claim past its protection reads as expired until the sweep records it, once', async () => {
    const { li, as } = await colleagues();
    await as(li);
    const a = await app.value('accounts.create', {
      account: account({ name: '温州市教育局', buyerType: 'government', ownerId: li.id }),
    });
    const c = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id, protectionDays: 2 })).id,
    });
    daysLater(5);
    const audited = await auditCount();
    expect((await app.value('claims.get', { id: c.id })).status).toBe('expired');
    const byStatus = async (status: string) =>
      (
        await app.value('claims.list', {
          filters: [{ field: 'status', op: 'in', values: [status] }],
        })
      ).rows.map((r) => r.id);
    expect(await byStatus('expired')).toEqual([c.id]);
    expect(await byStatus('filed')).toEqual([]);
    await app.value('calendar.list', { from: today(), to: addDays(today(), 30) });
    expect((await app.value('myDay.get', {})).expiringClaims).toEqual([]);
    await app.value('claims.dossier', { id: c.id });
    // Nothing was written by any of those reads.
    expect(await auditCount()).toBe(audited);
    expect((await rawStatus(c.id)).status).toBe('filed');
    // Nor can it be renewed or answered as if it were still protected.
    await expectError(app.call('claims.renew', { id: c.id }), 'CONFLICT', 'claim.not_active');

    expect((await sweepClaims(app.deps.db, app.deps.clock)).expired).toBe(1);
    expect((await sweepClaims(app.deps.db, app.deps.clock)).expired).toBe(0);
    expect((await rawStatus(c.id)).status).toBe('expired');
    expect((await auditOf(c.id, 'claims.expire')).length).toBe(1);
  });

  it('sweeps expiries at start and on a timer that stops with the app', async () => {
    const dataDir = (app = await signedInApp('specialist')).dataDir;
    const me = (await app.value('auth.current', {}))!;
    const a = await app.value('accounts.create', {
      account: account({ name: '金华市住房和城乡建设局', buyerType: 'government', ownerId: me.id }),
    });
    const c = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id, protectionDays: 1 })).id,
    });
    await app.close();
    // Restarted three days later: the start-up sweep records the expiry.
    const clock = new SettableClock(new Date(now().getTime() + 3 * 86_400_000));
    app = await testApp(dataDir, { clock });
    expect((await rawStatus(c.id)).status).toBe('expired');
    expect((await auditOf(c.id, 'claims.expire')).length).toBe(1);
    await app.value('auth.pick', { staffId: me.id });
    const other = await app.value('claims.file', {
      id: (
        await app.value('claims.create', {
          accountId: (
            await app.value('accounts.create', {
              account: account({ name: '台州市水利局', buyerType: 'government', ownerId: me.id }),
            })
          ).id,
          protectionDays: 1,
        })
      ).id,
    });
    await app.close();

    // A running app: the timer records it once the day passes, without any read.
    const running = await createApp({
      dataDir,
      mode: 'browser',
      worker: WORKER_FROM_SOURCE,
      clock,
      claimSweepIntervalMs: 20,
    });
    const statusNow = async () =>
      (
        await running.deps.db
          .selectFrom('claims')
          .select('status')
          .where('id', '=', other.id)
          .executeTakeFirstOrThrow()
      ).status;
    try {
      expect(await statusNow()).toBe('filed');
      clock.advance(2 * 86_400_000);
      await vi.waitFor(
        async () => {
          expect(await statusNow()).toBe('expired');
        },
        { timeout: 10_000, interval: 20 },
      );
    } finally {
      await running.close();
    }
    app = await testApp(dataDir, { clock });
    expect((await auditOf(other.id, 'claims.expire')).length).toBe(1);
    expect((await auditOf(c.id, 'claims.expire')).length).toBe(1);
  });

  it('at start, reconciles claims put in conflict by a colleague alone into an overlap, once', async () => {
    const { li, wang, as } = await colleagues();
    const dataDir = app.dataDir;
    const a = await app.value('accounts.create', {
      account: account({ name: '湖州市自然资源和规划局', buyerType: 'government', ownerId: li.id }),
    });
    await app.value('accounts.setTeam', { id: a.id, coOwnerIds: [wang.id] });
    await as(li);
    const first = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id })).id,
    });
    await as(wang);
    const second = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: a.id })).id,
    });
    // As an earlier version recorded them: both in conflict, no overlap.
    await app.deps.db
      .updateTable('claims')
      .set({ status: 'conflict', overlap_since: null })
      .where('id', 'in', [first.id, second.id])
      .execute();
    await app.close();
    app = await testApp(dataDir);
    for (const id of [first.id, second.id]) {
      expect(await rawStatus(id)).toEqual({ status: 'filed', overlap_since: second.filedAt });
      expect((await auditOf(id, 'claims.conflictCleared')).length).toBe(1);
    }
    const audited = await auditCount();
    await app.close();
    app = await testApp(dataDir);
    expect(await auditCount()).toBe(audited);
  });
});
