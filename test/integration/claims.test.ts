/**
 * Claims (报备) through the API: filing at the system clock, conflicts found across names, aliases,
 * USCC and the hierarchy and ranked by the manufacturer's order, territory authorisation, the
 * manufacturer's reply, renewal, expiry in the calendar and my day, and the dispute dossier.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { now } from '../../shared/clock';
import { addDays, chinaDate } from '../../shared/dates';
import type { ErrorCode } from '../../shared/result';
import { expireClaims } from '../../electron/claims/service';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

let app: TestApp;
afterEach(async () => app?.close());

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
  const boss = (await app.value('session.current', {}))!;
  const li = await app.value('staff.create', { name: '李明', role: 'specialist' });
  const wang = await app.value('staff.create', { name: '王芳', role: 'specialist' });
  const as = (s: { id: number }) => app.value('session.signIn', { staffId: s.id });
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
  it('files at the system clock and finds a colleague’s claim on the same organisation under another name', async () => {
    const { li, wang, as } = await colleagues();
    const full = await app.value('accounts.create', {
      account: account({
        name: '北京市朝阳区城市管理委员会',
        buyerType: 'government',
        aliases: [{ alias: '朝阳区城管委', kind: 'alias' }],
      }),
    });
    const short = await app.value('accounts.create', {
      account: account({ name: '朝阳区城管委', buyerType: 'government', uscc: null }),
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
      app.call('claims.update', { id: mine.id, claim: { accountId: full.id } }),
      'CONFLICT',
      'claim.not_draft',
    );

    await as(wang);
    await visits(short.id, 1, 'call');
    const theirs = await app.value('claims.create', { accountId: short.id });
    expect(theirs.conflict?.winnerId).toBe(mine.id);
    const clash = await app.value('claims.file', { id: theirs.id });
    expect(clash.status).toBe('conflict');
    expect(clash.conflict).toMatchObject({ winnerId: mine.id, decidedBy: 'development' });
    expect(clash.conflict!.claims.map((c) => [c.claimId, c.rank, c.claimantName])).toEqual([
      [mine.id, 1, '李明'],
      [theirs.id, 2, '王芳'],
    ]);
    expect(clash.conflict!.claims[0]!.matches).toContain('alias');
    expect(clash.conflict!.facts).toMatchObject({ winnerEvidence: 3, runnerUpEvidence: 1 });
    // The colleague's filed claim is marked too.
    expect((await app.value('claims.get', { id: mine.id })).status).toBe('conflict');

    // The customer's wish outranks development progress.
    const wished = await app.value('claims.recordWish', {
      id: theirs.id,
      note: '客户来函表示希望由王芳负责',
    });
    expect(wished.conflict).toMatchObject({ winnerId: theirs.id, decidedBy: 'customer_wish' });

    // Only the claimant or a manager changes a claim.
    await expectError(app.call('claims.renew', { id: mine.id }), 'FORBIDDEN', 'claim.not_yours');

    // Once the colleague gives up, the remaining claim is simply filed again.
    await app.value('claims.release', { id: theirs.id, reason: '客户确认由李明负责' });
    expect(await app.value('claims.get', { id: mine.id })).toMatchObject({
      status: 'filed',
      conflict: null,
    });
  });

  it('finds the head office’s claim from its unit’s, and ranks equal progress by filing time', async () => {
    await colleagues();
    const head = await app.value('accounts.create', {
      account: account({ name: '中国石化销售股份有限公司浙江分公司', buyerType: 'system' }),
    });
    const unit = await app.value('accounts.create', {
      account: account({ name: '中石化杭州石油分公司', buyerType: 'system', parentId: head.id }),
    });
    const first = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: head.id })).id,
    });
    const second = await app.value('claims.file', {
      id: (await app.value('claims.create', { accountId: unit.id })).id,
    });
    expect(second.conflict).toMatchObject({ winnerId: first.id, decidedBy: 'filing_time' });
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
        provinceCode: '330000',
        cityCode: '330100',
        districtCode: '330106',
      }),
    });
    const outside = await app.value('accounts.create', {
      account: account({
        name: '宁波市鄞州区教育局',
        buyerType: 'government',
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
      account: account({ name: '浙江省农村信用社联合社', buyerType: 'system' }),
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

    // The day after protection ends, the claim expires and leaves the calendar.
    expect(await expireClaims(app.deps.db, new Date(now().getTime() + 19 * 86_400_000))).toBe(0);
    expect(await expireClaims(app.deps.db, new Date(now().getTime() + 21 * 86_400_000))).toBe(1);
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
      account: account({ name: '杭州市城市管理局', buyerType: 'government' }),
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
});
