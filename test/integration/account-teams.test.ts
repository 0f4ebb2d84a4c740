/**
 * Record-level visibility by account team (issue 12): an account's owner (主销售) and co-owners
 * (副销售) see and work on its records; another specialist reads the registry only; managers see
 * and change everything; admins read everything and change no sales data; jobs and exports are
 * their starter's; a manager never approves a price they set or asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api';
import { chinaDate } from '../../shared/dates';
import type { ErrorCode, Result } from '../../shared/result';
import { stageCopy } from '../../electron/imports/staging';
import { testApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

let app: TestApp;
afterEach(async () => app?.close());

/** One signed-in client (a window or tab) of the app, as one staff member. */
interface Client {
  id: number;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  value<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

async function client(staffId: number): Promise<Client> {
  const clientId = `client-${staffId}`;
  const call = ((method: string, input: unknown) =>
    app.dispatch(method, input, { clientId })) as Client['call'];
  const c: Client = {
    id: staffId,
    call,
    async value(method, input) {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${JSON.stringify(r.error)}`);
      return r.value;
    },
  };
  await c.value('auth.pick', { staffId });
  return c;
}

async function refused(
  call: Promise<Result<unknown>>,
  code: ErrorCode,
  kind?: string,
): Promise<void> {
  const r = await call;
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  if (kind) expect(r.error.details).toMatchObject({ kind });
}

/** A store: a manager, an admin and three specialists, each with their own client. */
async function store() {
  app = await testApp();
  const make = async (name: string, role: 'specialist' | 'manager' | 'admin') =>
    (await app.value('staff.create', { name, role })).id;
  // The first person is the admin, who adds the others (only an admin grants the admin role).
  const admin = await client(
    (await app.value('auth.setUp', { name: '系统管理员', role: 'admin' })).id,
  );
  const boss = await client(await make('张经理', 'manager'));
  const li = await client(await make('李明', 'specialist'));
  const wang = await client(await make('王芳', 'specialist'));
  const chen = await client(await make('陈伟', 'specialist'));
  const price = await boss.value('prices.save', {
    entry: { model: '帕萨特', configuration: null, retailFen: 22_000_000, floorFen: 19_000_000 },
  });
  return { boss, admin, li, wang, chen, price };
}

async function accountOf(c: Client, name: string, ownerId = c.id) {
  return c.value('accounts.create', {
    account: account({ name, buyerType: 'government', ownerId }),
  });
}

describe('account teams', () => {
  it('lets the owner or a manager set co-owners, who then work on the account like the owner', async () => {
    const { boss, admin, li, wang, chen } = await store();
    const a = await accountOf(li, '杭州市公安局');
    expect(a.coOwners).toEqual([]);
    const contact = await li.value('contacts.create', { accountId: a.id, name: '赵科长' });
    await li.value('contacts.setPersonal', {
      contactId: contact.id,
      personal: {
        birthday: '1980-05-01',
        hometown: '绍兴',
        education: null,
        hobbies: null,
        schedule: null,
        careerGoals: null,
        family: null,
        notes: null,
      },
    });

    // Not on the team: no personal details, no edits, no team changes.
    await refused(
      wang.call('contacts.getPersonal', { contactId: contact.id }),
      'FORBIDDEN',
      'pipl',
    );
    await refused(
      wang.call('accounts.setTeam', { id: a.id, coOwnerIds: [wang.id] }),
      'FORBIDDEN',
      'not_owner',
    );

    const teamed = await li.value('accounts.setTeam', { id: a.id, coOwnerIds: [wang.id, li.id] });
    // The owner is never also a co-owner.
    expect(teamed.coOwners).toEqual([{ id: wang.id, name: '王芳' }]);
    expect((await chen.value('accounts.get', { id: a.id })).coOwners).toEqual([
      { id: wang.id, name: '王芳' },
    ]);
    // "Whose accounts" in the grid counts the accounts one serves as co-owner.
    const whose = async (staffId: number) =>
      (
        await chen.value('accounts.list', {
          filters: [{ field: 'ownerId', op: 'in', values: [String(staffId)] }],
        })
      ).rows.map((r) => r.id);
    expect(await whose(wang.id)).toEqual([a.id]);
    expect(await whose(chen.id)).toEqual([]);
    const history = await li.value('accounts.history', { id: a.id });
    expect(history.rows[0]).toMatchObject({
      action: 'account.team',
      before: { coOwners: [] },
      after: { coOwners: ['王芳'] },
    });

    // The co-owner now reads personal details, edits the account and logs work on it.
    expect((await wang.value('contacts.getPersonal', { contactId: contact.id })).hometown).toBe(
      '绍兴',
    );
    await wang.value('accounts.confirmOrgNature', { id: a.id, orgNature: 'organ' });
    await wang.value('activities.create', {
      type: 'visit',
      accountId: a.id,
      occurredOn: chinaDate(),
      summary: '拜访',
    });
    // A co-owner is not the owner: the team is the owner's and the managers' to set.
    await refused(
      wang.call('accounts.setTeam', { id: a.id, coOwnerIds: [] }),
      'FORBIDDEN',
      'not_owner',
    );
    // Managers and admins organise teams.
    await boss.value('accounts.setTeam', { id: a.id, coOwnerIds: [chen.id] });
    const reset = await admin.value('accounts.setTeam', { id: a.id, coOwnerIds: [] });
    expect(reset.coOwners).toEqual([]);
    await refused(
      wang.call('contacts.getPersonal', { contactId: contact.id }),
      'FORBIDDEN',
      'pipl',
    );

    // A co-owner made owner leaves the co-owners.
    await li.value('accounts.setTeam', { id: a.id, coOwnerIds: [wang.id] });
    const fresh = await li.value('accounts.get', { id: a.id });
    const moved = await li.value('accounts.update', {
      id: a.id,
      version: fresh.version,
      account: account({
        name: fresh.name,
        uscc: fresh.uscc,
        buyerType: 'government',
        ownerId: wang.id,
      }),
    });
    expect(moved.owner).toEqual({ id: wang.id, name: '王芳' });
    expect(moved.coOwners).toEqual([]);
  });

  it('refuses a specialist reassigning, editing or deleting a colleague’s account, or deleting its contacts', async () => {
    const { boss, li, wang } = await store();
    const a = await accountOf(li, '杭州市税务局');
    const contact = await li.value('contacts.create', { accountId: a.id, name: '钱处长' });

    // The registry is for everyone to read.
    expect((await wang.value('accounts.get', { id: a.id })).name).toBe('杭州市税务局');
    expect((await wang.value('accounts.list', {})).rows.map((r) => r.id)).toContain(a.id);

    await refused(
      wang.call('accounts.update', {
        id: a.id,
        version: a.version,
        account: account({ name: a.name, uscc: a.uscc, buyerType: 'government', ownerId: wang.id }),
      }),
      'FORBIDDEN',
      'not_on_team',
    );
    await refused(wang.call('accounts.delete', { id: a.id }), 'FORBIDDEN', 'not_on_team');
    await refused(wang.call('contacts.delete', { id: contact.id }), 'FORBIDDEN', 'not_on_team');
    await refused(
      wang.call('contacts.create', { accountId: a.id, name: '冒名' }),
      'FORBIDDEN',
      'not_on_team',
    );
    expect((await li.value('contacts.list', { accountId: a.id })).map((c) => c.id)).toEqual([
      contact.id,
    ]);

    // Managers reassign and delete.
    const reassigned = await boss.value('accounts.update', {
      id: a.id,
      version: (await boss.value('accounts.get', { id: a.id })).version,
      account: account({ name: a.name, uscc: a.uscc, buyerType: 'government', ownerId: wang.id }),
    });
    expect(reassigned.owner?.id).toBe(wang.id);
    await boss.value('contacts.delete', { id: contact.id });
    await boss.value('accounts.delete', { id: a.id });
  });

  it('keeps opportunities, activities and the calendar to the team; a colleague’s calendar is a manager’s', async () => {
    const { boss, li, wang, chen } = await store();
    const a = await accountOf(li, '杭州市城管局');
    const b = await accountOf(wang, '杭州市交通局');
    const due = chinaDate();
    const mine = await li.value('opportunities.create', {
      accountId: a.id,
      title: '执法车更新',
      expectedCloseOn: due,
    });
    const theirs = await wang.value('opportunities.create', {
      accountId: b.id,
      title: '通勤车',
      expectedCloseOn: due,
    });

    await refused(
      li.call('opportunities.move', { id: theirs.id, stage: 'brewing', version: theirs.version }),
      'FORBIDDEN',
      'not_on_team',
    );
    await refused(li.call('opportunities.delete', { id: theirs.id }), 'FORBIDDEN', 'not_on_team');
    await refused(li.call('opportunities.get', { id: theirs.id }), 'FORBIDDEN', 'not_on_team');
    await refused(
      li.call('activities.create', { type: 'call', accountId: b.id, occurredOn: due }),
      'FORBIDDEN',
      'not_on_team',
    );

    // Lists are filtered in the database: each specialist sees their teams' accounts only.
    const ids = async (c: Client) =>
      (await c.value('opportunities.list', {})).rows.map((r) => r.id).sort();
    expect(await ids(li)).toEqual([mine.id]);
    expect(await ids(wang)).toEqual([theirs.id]);
    expect(await ids(chen)).toEqual([]);
    expect(await ids(boss)).toEqual([mine.id, theirs.id].sort());
    const board = await li.value('opportunities.board', {});
    expect(board.total.count).toBe(1);

    const calendar = async (c: Client, ownerId: number | null = null) =>
      (
        await c.value('calendar.list', { from: due, to: due, ownerId, includeDone: true })
      ).items.map((i) => i.entityId);
    expect(await calendar(li)).toEqual([mine.id]);
    await refused(
      li.call('calendar.list', { from: due, to: due, ownerId: wang.id, includeDone: true }),
      'FORBIDDEN',
      'role',
    );
    expect(await calendar(boss, wang.id)).toEqual([theirs.id]);

    // A co-owner joins the work: the colleague's opportunity and its calendar item appear.
    await wang.value('accounts.setTeam', { id: b.id, coOwnerIds: [li.id] });
    expect(await ids(li)).toEqual([mine.id, theirs.id].sort());
    expect((await calendar(li)).sort()).toEqual([mine.id, theirs.id].sort());
    const moved = await li.value('opportunities.move', {
      id: theirs.id,
      stage: 'brewing',
      version: theirs.version,
    });
    expect(moved.stage).toBe('brewing');
  });

  it('shows a rival claim’s existence to the other specialist, never its evidence', async () => {
    const { li, wang, boss } = await store();
    const a = await li.value('accounts.create', {
      account: account({
        name: '北京市朝阳区城市管理委员会',
        buyerType: 'government',
        aliases: [{ alias: '朝阳区城管委', kind: 'alias' }],
        ownerId: li.id,
      }),
    });
    const b = await li.value('accounts.create', {
      account: account({
        name: '朝阳区城管委',
        buyerType: 'government',
        uscc: null,
        ownerId: wang.id,
      }),
      acknowledgeDuplicates: true,
    });
    const liClaim = await li.value('claims.create', { accountId: a.id });
    const scratch = path.join(app.dataDir, 'visit-photo.txt');
    fs.writeFileSync(scratch, '拜访照片');
    const doc = await li.value('documents.attach', {
      fileId: (await stageCopy(app.dataDir, scratch)).fileId,
      entity: 'claim',
      entityId: liClaim.id,
      kind: 'other',
      note: null,
    });
    const filed = await li.value('claims.file', { id: liClaim.id });

    const wangClaim = await wang.value('claims.create', { accountId: b.id });
    // The overlap names the rival's account, claimant and dates …
    expect(wangClaim.overlap?.claims).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          claimId: liClaim.id,
          accountName: a.name,
          claimant: { id: li.id, name: '李明' },
          filedAt: filed.filedAt,
        }),
      ]),
    );
    // … but the rival claim itself, its evidence and its dossier stay with its team.
    await refused(wang.call('claims.get', { id: liClaim.id }), 'FORBIDDEN', 'not_on_team');
    await refused(wang.call('documents.open', { id: doc.id }), 'FORBIDDEN', 'not_on_team');
    await refused(wang.call('claims.dossier', { id: liClaim.id }), 'FORBIDDEN', 'not_on_team');
    await refused(
      wang.call('exports.claimDossier', { claimId: liClaim.id }),
      'FORBIDDEN',
      'not_on_team',
    );
    expect((await wang.value('claims.list', {})).rows.map((r) => r.id)).toEqual([wangClaim.id]);
    expect((await li.value('documents.open', { id: doc.id })).kind).toBe('download');
    expect((await boss.value('documents.open', { id: doc.id })).kind).toBe('download');
  });

  it('binds jobs and export downloads to the user who started them', async () => {
    const { li, wang } = await store();
    await accountOf(li, '杭州市教育局');
    const { jobId } = await li.value('exports.accounts', {
      format: 'csv',
      columns: [{ field: 'name', header: '客户名称' }],
    });
    await app.deps.jobs.wait(jobId);
    await refused(wang.call('jobs.get', { id: jobId }), 'NOT_FOUND');
    await refused(wang.call('jobs.cancel', { id: jobId }), 'NOT_FOUND');
    await refused(wang.call('exports.result', { jobId }), 'NOT_FOUND');
    await refused(wang.call('exports.deliver', { jobId }), 'NOT_FOUND');
    expect((await li.value('jobs.get', { id: jobId })).state).toBe('done');
    expect((await li.value('exports.deliver', { jobId })).kind).toBe('download');
  });

  it('refuses a manager approving a price they set themselves, and sales writes by an admin', async () => {
    const { boss, admin, li, price } = await store();
    const a = await accountOf(li, '杭州市水利局');
    const other = await client(
      (await app.value('staff.create', { name: '刘经理', role: 'manager' })).id,
    );
    // The manager sets a below-floor price on the specialist's contract; the specialist asks.
    const c = await boss.value('contracts.create', {
      number: 'HT-9',
      accountId: a.id,
      partyName: a.name,
      lines: [{ priceId: price.id, quantity: 2, unitPriceFen: 18_000_000 }],
    });
    const asked = await li.value('contracts.requestApproval', { contractId: c.id, reason: '批量' });
    const approvalId = asked.approvals[0]!.id;
    await refused(
      boss.call('contracts.decideApproval', { approvalId, approve: true, note: '同意' }),
      'FORBIDDEN',
      'own_request',
    );
    await refused(
      admin.call('contracts.decideApproval', { approvalId, approve: true, note: '同意' }),
      'FORBIDDEN',
      'admin_read_only',
    );
    const decided = await other.value('contracts.decideApproval', {
      approvalId,
      approve: true,
      note: '同意',
    });
    expect(decided.approvals[0]!.state).toBe('approved');

    // Admins read every account's records but change none of them.
    expect((await admin.value('contracts.get', { id: c.id })).id).toBe(c.id);
    expect((await admin.value('contracts.list', {})).total).toBe(1);
    await refused(
      admin.call('accounts.create', { account: account({ name: '杭州市林业局' }) }),
      'FORBIDDEN',
      'admin_read_only',
    );
    await refused(
      admin.call('opportunities.create', { accountId: a.id, title: '代录' }),
      'FORBIDDEN',
      'admin_read_only',
    );
    await refused(admin.call('accounts.delete', { id: a.id }), 'FORBIDDEN', 'admin_read_only');
  });
});
