/**
 * Working at the same time (issue 12): two people load one record, both edit; the second save is
 * refused as stale, naming who changed it and when — for accounts, contacts, opportunities,
 * tenders, contracts, claims and activities. Writes that are not a form's (imports, workflows)
 * move the version on too, so a form opened before them sees them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api';
import { addDays, chinaDate } from '../../shared/dates';
import type { ApiError, Result } from '../../shared/result';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { runImport, stage, workbook } from '../helpers/imports';
import { finalContract, priceEntry } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

/** One person's browser tab: its own client id, so its own session. */
function client(clientId: string) {
  const call = <M extends MethodName>(method: M, input: Input<M>) =>
    app.dispatch(method, input, { clientId }) as Promise<Result<Output<M>>>;
  return {
    call,
    async value<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}
type Client = ReturnType<typeof client>;

/** 张三 and 李四, managers (so neither is stopped by record-level rules), each signed in. */
async function twoPeople(): Promise<{ zhang: Client; li: Client; zhangId: number }> {
  app = await signedInApp('admin');
  const zhangStaff = await app.value('staff.create', { name: '张三', role: 'manager' });
  const liStaff = await app.value('staff.create', { name: '李四', role: 'manager' });
  const zhang = client('tab-zhang');
  const li = client('tab-li');
  await zhang.value('auth.pick', { staffId: zhangStaff.id });
  await li.value('auth.pick', { staffId: liStaff.id });
  // The default client acts for imports and setup, as 张三.
  await app.value('auth.pick', { staffId: zhangStaff.id });
  return { zhang, li, zhangId: zhangStaff.id };
}

function expectStale(
  r: Result<unknown>,
  by: { name: string | null; id: number | null },
  at: string,
): void {
  expect(r.ok).toBe(false);
  const error = (r as { error: ApiError }).error;
  expect(error.code).toBe('CONFLICT');
  expect(error.details).toMatchObject({ kind: 'stale', by: by.name, byId: by.id, at });
}

describe('two people editing one record', () => {
  it('a staff member: a manager’s stale edit is refused naming who changed the record', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const person = await zhang.value('staff.create', { name: '孙丽', role: 'specialist' });
    const [seenByZhang, seenByLi] = [person, person];
    const saved = await zhang.value('staff.update', {
      ...seenByZhang,
      phone: '13700001111',
    });
    expect(saved.version).toBe(seenByZhang.version + 1);
    const refused = await li.call('staff.update', { ...seenByLi, email: 'sunli@example.com' });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'CONFLICT',
      details: { kind: 'stale', by: '张三', byId: zhangId },
    });
  });

  it('an account: the second save is refused naming the first and the time; after a reload it saves', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const created = await zhang.value('accounts.create', { account: account({ grade: 'C' }) });
    const input = account({ name: created.name, uscc: created.uscc, grade: 'C' });
    const seenByZhang = await zhang.value('accounts.get', { id: created.id });
    const seenByLi = await li.value('accounts.get', { id: created.id });
    expect(seenByLi.version).toBe(seenByZhang.version);

    const saved = await zhang.value('accounts.update', {
      id: created.id,
      version: seenByZhang.version,
      account: { ...input, grade: 'A' },
    });
    expect(saved.version).toBe(seenByZhang.version + 1);
    const refused = await li.call('accounts.update', {
      id: created.id,
      version: seenByLi.version,
      account: { ...input, notes: '李四的备注' },
    });
    expectStale(refused, { name: '张三', id: zhangId }, saved.updatedAt);
    // Nothing of 李四's edit was written: 张三's grade stands.
    expect(await li.value('accounts.get', { id: created.id })).toMatchObject({
      grade: 'A',
      notes: null,
      version: saved.version,
    });

    const reloaded = await li.value('accounts.get', { id: created.id });
    const second = await li.value('accounts.update', {
      id: created.id,
      version: reloaded.version,
      account: { ...input, grade: 'A', notes: '李四的备注' },
    });
    expect(second).toMatchObject({ grade: 'A', notes: '李四的备注', version: saved.version + 1 });
  });

  it('a contact', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const acc = await zhang.value('accounts.create', { account: account() });
    const c = await zhang.value('contacts.create', { accountId: acc.id, name: '王科长' });
    const [seen] = await li.value('contacts.list', { accountId: acc.id });
    const saved = await zhang.value('contacts.update', {
      id: c.id,
      version: c.version,
      accountId: acc.id,
      name: '王科长',
      title: '科长',
    });
    const refused = await li.call('contacts.update', {
      id: c.id,
      version: seen!.version,
      accountId: acc.id,
      name: '王处长',
    });
    expectStale(refused, { name: '张三', id: zhangId }, saved.updatedAt);
    const [now] = await li.value('contacts.list', { accountId: acc.id });
    expect(now).toMatchObject({ name: '王科长', title: '科长' });
  });

  it('an opportunity, by its details and by a stage move from a board loaded before', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const acc = await zhang.value('accounts.create', { account: account() });
    const o = await zhang.value('opportunities.create', { accountId: acc.id, title: '公务用车' });
    const seenByLi = await li.value('opportunities.get', { id: o.id });
    const saved = await zhang.value('opportunities.update', {
      id: o.id,
      version: o.version,
      opportunity: { accountId: acc.id, title: '公务用车更新' },
    });
    expectStale(
      await li.call('opportunities.update', {
        id: o.id,
        version: seenByLi.version,
        opportunity: { accountId: acc.id, title: '李四的标题' },
      }),
      { name: '张三', id: zhangId },
      saved.updatedAt,
    );
    // A card on 李四's board still carries the old version: the drag is refused too.
    expectStale(
      await li.call('opportunities.move', { id: o.id, version: seenByLi.version, stage: 'design' }),
      { name: '张三', id: zhangId },
      saved.updatedAt,
    );
    expect((await li.value('opportunities.get', { id: o.id })).stage).toBe('interest');
  });

  it('a tender, and an amendment made from a tender loaded before', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const gov = await zhang.value('accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government' }),
    });
    const tenderInput = {
      projectNo: 'ZJCG-2026-0001',
      name: '执法执勤用车',
      method: 'open_tender' as const,
      purchaserId: gov.id,
      announcedOn: chinaDate(),
      openingAt: `${addDays(chinaDate(), 20)}T02:00:00.000Z`,
      lots: [{ lotNo: '1', quantity: 2 }],
    };
    const t = await zhang.value('tenders.create', tenderInput);
    const seenByLi = await li.value('tenders.get', { id: t.id });
    const lots = t.lots.map((l) => ({ id: l.id, lotNo: l.lotNo, quantity: l.quantity }));
    const saved = await zhang.value('tenders.update', {
      id: t.id,
      version: t.version,
      tender: { ...tenderInput, name: '执法执勤用车采购', lots },
    });
    expectStale(
      await li.call('tenders.update', {
        id: t.id,
        version: seenByLi.version,
        tender: { ...tenderInput, notes: '李四', lots },
      }),
      { name: '张三', id: zhangId },
      saved.updatedAt,
    );
    expectStale(
      await li.call('tenders.amend', {
        id: t.id,
        version: seenByLi.version,
        publishedOn: chinaDate(),
        summary: '延期',
        changes: { openingAt: `${addDays(chinaDate(), 30)}T02:00:00.000Z` },
      }),
      { name: '张三', id: zhangId },
      saved.updatedAt,
    );
    expect(await li.value('tenders.get', { id: t.id })).toMatchObject({
      name: '执法执勤用车采购',
      notes: null,
      amendments: [],
    });
  });

  it('a draft contract', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const gov = await zhang.value('accounts.create', { account: account() });
    const price = await priceEntry(app);
    const input = {
      number: 'HT2026-0001',
      accountId: gov.id,
      partyName: gov.name,
      lines: [{ priceId: price.id, quantity: 2, unitPriceFen: 21_000_000 }],
    };
    const c = await zhang.value('contracts.create', input);
    const seenByLi = await li.value('contracts.get', { id: c.id });
    const saved = await zhang.value('contracts.update', {
      id: c.id,
      version: c.version,
      contract: { ...input, notes: '张三' },
    });
    expectStale(
      await li.call('contracts.update', {
        id: c.id,
        version: seenByLi.version,
        contract: { ...input, lines: [{ ...input.lines[0]!, quantity: 5 }] },
      }),
      { name: '张三', id: zhangId },
      saved.updatedAt,
    );
    expect((await li.value('contracts.get', { id: c.id })).quantity).toBe(2);
  });

  it('a claim and an activity', async () => {
    const { zhang, li, zhangId } = await twoPeople();
    const acc = await zhang.value('accounts.create', { account: account() });
    const claim = await zhang.value('claims.create', { accountId: acc.id });
    const claimSeen = await li.value('claims.get', { id: claim.id });
    const claimSaved = await zhang.value('claims.update', {
      id: claim.id,
      version: claim.version,
      claim: { accountId: acc.id, notes: '张三' },
    });
    expectStale(
      await li.call('claims.update', {
        id: claim.id,
        version: claimSeen.version,
        claim: { accountId: acc.id, notes: '李四' },
      }),
      { name: '张三', id: zhangId },
      claimSaved.updatedAt,
    );

    const activityInput = { type: 'visit' as const, accountId: acc.id, occurredOn: chinaDate() };
    const a = await zhang.value('activities.create', activityInput);
    const aSeen = await li.value('activities.get', { id: a.id });
    const aSaved = await zhang.value('activities.update', {
      id: a.id,
      version: a.version,
      activity: { ...activityInput, summary: '张三' },
    });
    const refused = await li.call('activities.update', {
      id: a.id,
      version: aSeen.version,
      activity: { ...activityInput, summary: '李四' },
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.details).toMatchObject({
      kind: 'stale',
      by: '张三',
      byId: zhangId,
    });
    expect(aSaved.version).toBe(a.version + 1);
  });
});

describe('writes that are not a form’s move the version on', () => {
  it('an import updating an account makes the open form stale', async () => {
    const { li, zhangId } = await twoPeople();
    const acc = await li.value('accounts.create', { account: account({ grade: 'C' }) });
    const file = await workbook([
      ['单位名称', '统一社会信用代码', '客户等级'],
      [acc.name, acc.uscc, 'A'],
    ]);
    const staged = await stage(app, file);
    const { jobId } = await app.value('imports.inspect', { fileId: staged.fileId });
    await app.deps.jobs.wait(jobId);
    const inspection = await app.value('imports.inspection', { jobId });
    const { summary } = await runImport(app, staged.fileId, inspection.sheets[0]!, 'commit');
    expect(summary.update).toBe(1);
    const after = await li.value('accounts.get', { id: acc.id });
    expect(after).toMatchObject({ grade: 'A', version: acc.version + 1 });
    expectStale(
      await li.call('accounts.update', {
        id: acc.id,
        version: acc.version,
        account: account({ name: acc.name, uscc: acc.uscc, grade: 'B' }),
      }),
      { name: '张三', id: zhangId },
      after.updatedAt,
    );
  });

  it('a final contract moving the buyer to won makes the open account form stale', async () => {
    const { li } = await twoPeople();
    const acc = await li.value('accounts.create', { account: account() });
    const price = await priceEntry(app);
    await finalContract(app, {
      accountId: acc.id,
      partyName: acc.name,
      priceId: price.id,
      quantity: 1,
      signedOn: chinaDate(),
    });
    const after = await li.value('accounts.get', { id: acc.id });
    expect(after.lifecycle).toBe('won');
    expect(after.version).toBeGreaterThan(acc.version);
    const r = await li.call('accounts.update', {
      id: acc.id,
      version: acc.version,
      account: account({ name: acc.name, uscc: acc.uscc, lifecycle: 'prospect' }),
    });
    expect(!r.ok && r.error.details).toMatchObject({ kind: 'stale', by: '张三' });
  });
});
