import { afterEach, describe, expect, it } from 'vitest';
import { nowIso } from '../../shared/clock';
import { signedInApp, type TestApp, addStaff } from '../helpers/app';
import { account, newUscc } from '../helpers/fixtures';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

describe('account registry', () => {
  it('creates an account with aliases, fleet and region, and says what is wrong with a bad USCC', async () => {
    app = await signedInApp();
    const r = await app.call('accounts.create', { account: account({ uscc: '113301000024961' }) });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.details).toMatchObject({
        fields: [{ path: 'account.uscc', code: 'uscc.length' }],
      });

    const uscc = newUscc();
    const a = await app.value('accounts.create', {
      account: account({
        name: '杭州市公安局',
        buyerType: 'government',
        uscc: uscc.toLowerCase(),
        aliases: [{ alias: '杭州公安', kind: 'alias' }],
        provinceCode: '330000',
        cityCode: '330100',
        districtCode: '330102',
        grade: 'A',
        fleet: [
          { brand: '大众', model: '帕萨特', count: 12, year: 2021 },
          { brand: '比亚迪', model: '汉', count: 3 },
        ],
      }),
    });
    expect(a.uscc).toBe(uscc);
    expect(a.fleetTotal).toBe(15);
    const got = await app.value('accounts.get', { id: a.id });
    expect(got.aliases).toEqual([{ alias: '杭州公安', kind: 'alias' }]);
    expect(got.districtCode).toBe('330102');
  });

  it('refuses an inconsistent region', async () => {
    app = await signedInApp();
    const r = await app.call('accounts.create', {
      account: account({ provinceCode: '330000', cityCode: '110100' }),
    });
    expect(r.ok || r.error.details).toMatchObject({ fields: [{ code: 'region.inconsistent' }] });
  });

  it('refuses a USCC that is already used, naming the account that has it', async () => {
    app = await signedInApp();
    const uscc = newUscc();
    const first = await app.value('accounts.create', {
      account: account({ name: '宁波永安客运有限公司', uscc }),
    });
    const r = await app.call('accounts.create', {
      account: account({ name: '完全不同的单位', uscc }),
      acknowledgeDuplicates: true,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toContain('宁波永安客运有限公司');
    expect(r.error.details).toMatchObject({
      kind: 'uscc_taken',
      existing: { id: first.id, name: '宁波永安客运有限公司' },
    });
  });

  it('warns about a similar name or alias and saves once the user confirms', async () => {
    app = await signedInApp();
    const existing = await app.value('accounts.create', {
      account: account({
        name: '北京市（朝阳区）顺达汽车租赁有限公司',
        aliases: [{ alias: '顺达租赁', kind: 'alias' }],
      }),
    });
    const byName = await app.call('accounts.create', {
      account: account({ name: '北京市(朝阳区)顺达汽车租赁有限责任公司' }),
    });
    expect(byName.ok).toBe(false);
    if (!byName.ok)
      expect(byName.error.details).toMatchObject({
        kind: 'possible_duplicate',
        matches: [{ id: existing.id, matchedOn: 'name' }],
      });

    const byAlias = await app.value('accounts.checkDuplicates', { name: '顺达租赁' });
    expect(byAlias.similar).toMatchObject([
      { id: existing.id, matchedOn: 'alias', matchedText: '顺达租赁' },
    ]);

    const confirmed = await app.value('accounts.create', {
      account: account({ name: '北京市(朝阳区)顺达汽车租赁有限责任公司' }),
      acknowledgeDuplicates: true,
    });
    expect(confirmed.id).not.toBe(existing.id);
  });

  it('applies the duplicate guard on edit too, but not against the account itself', async () => {
    app = await signedInApp();
    const a = await app.value('accounts.create', {
      account: account({ name: '温州之江旅游集团有限公司' }),
    });
    const b = await app.value('accounts.create', {
      account: account({ name: '温州鸿运物流有限公司' }),
    });
    expect(
      (
        await app.call('accounts.update', {
          id: a.id,
          version: await versionOf(app, 'accounts', a.id),
          account: { ...account(), name: a.name, uscc: a.uscc },
        })
      ).ok,
    ).toBe(true);
    const r = await app.call('accounts.update', {
      id: b.id,
      version: await versionOf(app, 'accounts', b.id),
      account: { ...account(), name: '温州之江旅游有限公司', uscc: b.uscc },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toMatchObject({ kind: 'possible_duplicate' });
  });

  it('does not warn again on edit about a similar account the user already accepted', async () => {
    app = await signedInApp();
    await app.value('accounts.create', { account: account({ name: '台州顺达汽车租赁有限公司' }) });
    const twin = await app.value('accounts.create', {
      account: account({ name: '台州顺达汽车租赁有限责任公司' }),
      acknowledgeDuplicates: true,
    });
    const edited = await app.call('accounts.update', {
      id: twin.id,
      version: await versionOf(app, 'accounts', twin.id),
      account: account({ name: twin.name, uscc: twin.uscc, grade: 'A' }),
    });
    expect(edited.ok).toBe(true);
  });

  it('keeps the hierarchy free of cycles and refuses deleting a head office with units', async () => {
    app = await signedInApp();
    const head = await app.value('accounts.create', {
      account: account({ name: '国网浙江省电力公司', buyerType: 'system' }),
    });
    const unit = await app.value('accounts.create', {
      account: account({ name: '国网杭州供电公司', buyerType: 'system', parentId: head.id }),
    });
    const subUnit = await app.value('accounts.create', {
      account: account({
        name: '国网杭州供电公司西湖供电分中心',
        buyerType: 'system',
        parentId: unit.id,
      }),
    });
    expect((await app.value('accounts.get', { id: head.id })).subordinateCount).toBe(1);

    const cycle = await app.call('accounts.update', {
      id: head.id,
      version: await versionOf(app, 'accounts', head.id),
      account: account({
        name: head.name,
        uscc: head.uscc,
        buyerType: 'system',
        parentId: subUnit.id,
      }),
    });
    expect(cycle.ok).toBe(false);
    if (!cycle.ok)
      expect(cycle.error.details).toMatchObject({ fields: [{ code: 'parent.cycle' }] });

    const del = await app.call('accounts.delete', { id: head.id });
    expect(del.ok).toBe(false);
    if (!del.ok) {
      expect(del.error.code).toBe('POLICY');
      expect(del.error.details).toMatchObject({ kind: 'has_subordinates', count: 1 });
    }
    await app.value('accounts.delete', { id: subUnit.id });
    expect((await app.value('accounts.get', { id: unit.id })).subordinateCount).toBe(0);
    const missing = await app.call('accounts.get', { id: subUnit.id });
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
  });

  it('logs the contacts that go with a deleted account', async () => {
    app = await signedInApp();
    const a = await app.value('accounts.create', { account: account() });
    await app.value('contacts.create', { accountId: a.id, name: '周建国' });
    await app.value('accounts.delete', { id: a.id });
    const history = await app.value('accounts.history', { id: a.id });
    expect(
      history.rows.slice(0, 2).map((r) => [r.action, (r.before as { name?: string } | null)?.name]),
    ).toEqual([
      ['account.delete', a.name],
      ['contact.delete', '周建国'],
    ]);
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a stale edit', async () => {
    app = await signedInApp();
    const a = await app.value('accounts.create', { account: account() });
    await app.value('accounts.update', {
      id: a.id,
      version: await versionOf(app, 'accounts', a.id),
      account: account({ name: a.name, uscc: a.uscc, grade: 'A' }),
    });
    const stale = await app.call('accounts.update', {
      id: a.id,
      version: a.version,
      account: account({ name: a.name, uscc: a.uscc }),
    });
    expect(stale.ok || stale.error.details).toMatchObject({ kind: 'stale' });
  });

  it('requires a signed-in user for changes', async () => {
    app = await signedInApp();
    await app.value('auth.signOut', {});
    const r = await app.call('accounts.create', { account: account() });
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
  });

  it('writes every change to a hash-chained audit log that detects tampering', async () => {
    app = await signedInApp();
    const a = await app.value('accounts.create', { account: account({ grade: 'C' }) });
    await app.value('accounts.update', {
      id: a.id,
      version: await versionOf(app, 'accounts', a.id),
      account: account({ name: a.name, uscc: a.uscc, grade: 'A' }),
    });
    const c = await app.value('contacts.create', {
      accountId: a.id,
      name: '周建国',
      purchaseRole: 'decision_maker',
    });
    await app.value('contacts.delete', { id: c.id });

    const history = await app.value('accounts.history', { id: a.id });
    expect(history.rows.map((r) => r.action)).toEqual([
      'contact.delete',
      'contact.create',
      'account.update',
      'account.create',
    ]);
    const update = history.rows[2]!;
    expect(update.actorName).toBe('测试员');
    expect(update.before).toMatchObject({ grade: 'C' });
    expect(update.after).toMatchObject({ grade: 'A' });

    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true, firstBrokenId: null });
    const target = history.rows[2]!.id;
    const forge = () =>
      app.database.sqlite
        .prepare(
          'update audit_log set after_json = replace(after_json, \'"A"\', \'"B"\') where id = ?',
        )
        .run(target);
    // The database itself refuses to rewrite or remove an entry…
    expect(forge).toThrow(/append-only/);
    expect(() =>
      app.database.sqlite.prepare('delete from audit_log where id = ?').run(target),
    ).toThrow(/append-only/);
    // …and when someone edits the file behind the app's back (dropping the guards first), the
    // chain names the first entry that no longer matches.
    app.database.sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
    forge();
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: false, firstBrokenId: target });
    app.database.sqlite
      .prepare(
        'update audit_log set after_json = replace(after_json, \'"B"\', \'"A"\') where id = ?',
      )
      .run(target);
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
    // A removed entry breaks the link of the one after it.
    app.database.sqlite.prepare('delete from audit_log where id = ?').run(target);
    expect(await app.value('audit.verify', {})).toMatchObject({
      ok: false,
      firstBrokenId: history.rows[1]!.id,
    });
  });
});

describe('account grid queries', () => {
  it('sorts names by pinyin, as Chinese users and Excel expect', async () => {
    app = await signedInApp();
    for (const name of [
      '中国邮政集团有限公司厦门市分公司',
      '三明市公安局',
      '阿坝州财政局',
      '重庆市公安局',
    ])
      await app.value('accounts.create', { account: account({ name }) });
    const page = await app.value('accounts.list', { sort: [{ field: 'name', desc: false }] });
    expect(page.rows.map((r) => r.name)).toEqual([
      '阿坝州财政局',
      '重庆市公安局',
      '三明市公安局',
      '中国邮政集团有限公司厦门市分公司',
    ]);
  });

  it('finds accounts by pinyin initials, alias and USCC', async () => {
    app = await signedInApp();
    const uscc = newUscc();
    const a = await app.value('accounts.create', {
      account: account({
        name: '杭州市公安局',
        uscc,
        aliases: [{ alias: '杭州公安', kind: 'alias' }],
      }),
    });
    await app.value('accounts.create', { account: account({ name: '宁波市财政局' }) });
    for (const search of ['hzsgaj', '杭州公安', uscc.slice(-8).toLowerCase(), '  杭州市公安局  '])
      expect((await app.value('accounts.list', { search })).rows.map((r) => r.id)).toEqual([a.id]);
  });

  it('filters by enum, number range, date range and text, with a multi-column sort and a count', async () => {
    app = await signedInApp();
    const mk = (
      name: string,
      grade: 'A' | 'B' | 'C',
      count: number,
      buyerType: 'direct' | 'government' = 'direct',
    ) =>
      app.value('accounts.create', {
        account: account({
          name,
          grade,
          buyerType,
          fleet: count ? [{ brand: '大众', model: '帕萨特', count }] : [],
        }),
      });
    await mk('甲单位', 'A', 3);
    await mk('乙单位', 'A', 12);
    await mk('丙单位', 'B', 30);
    await mk('丁单位', 'C', 8, 'government');
    const page = await app.value('accounts.list', {
      filters: [
        { field: 'grade', op: 'in', values: ['A', 'B'] },
        { field: 'fleetTotal', op: 'range', min: 5 },
        {
          field: 'createdAt',
          op: 'dateRange',
          from: '2000-01-01',
          to: nowIso().slice(0, 10),
        },
        { field: 'name', op: 'contains', value: '单位' },
      ],
      sort: [
        { field: 'grade', desc: false },
        { field: 'fleetTotal', desc: true },
      ],
    });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.name)).toEqual(['乙单位', '丙单位']);
    const paged = await app.value('accounts.list', {
      offset: 1,
      limit: 1,
      sort: [{ field: 'fleetTotal', desc: true }],
    });
    expect(paged).toMatchObject({ total: 4, rows: [{ name: '乙单位' }] });
  });

  it('treats % and _ in a text filter literally', async () => {
    app = await signedInApp();
    const first = await app.value('accounts.create', {
      account: account({ name: '百分百_物流有限公司' }),
    });
    // Punctuation aside the two names are the same: confirmed by naming the first.
    await app.value('accounts.create', {
      account: account({ name: '百分百物流有限公司' }),
      confirmSameName: [first.id],
    });
    expect(
      (
        await app.value('accounts.list', {
          filters: [{ field: 'name', op: 'contains', value: '百_物' }],
        })
      ).total,
    ).toBe(1);
    expect(
      (
        await app.value('accounts.list', {
          filters: [{ field: 'name', op: 'contains', value: '%' }],
        })
      ).total,
    ).toBe(0);
  });
});

describe('contacts and personal details', () => {
  it('finds accounts by a contact name in the quick search', async () => {
    app = await signedInApp();
    const a = await app.value('accounts.create', {
      account: account({ name: '嘉兴众诚物流有限公司' }),
    });
    await app.value('accounts.create', { account: account({ name: '湖州鑫源实业有限公司' }) });
    await app.value('contacts.create', {
      accountId: a.id,
      name: '欧阳晓东',
      phone: '0573-8888 6666 转 802',
    });
    const page = await app.value('accounts.list', { search: '欧阳' });
    expect(page.rows.map((r) => r.id)).toEqual([a.id]);
    expect(page.rows[0]!.contactCount).toBe(1);
  });

  it('refuses a malformed phone number with a field error', async () => {
    app = await signedInApp();
    const a = await app.value('accounts.create', { account: account() });
    const r = await app.call('contacts.create', {
      accountId: a.id,
      name: '李娜',
      phone: 'call me',
    });
    expect(r.ok || r.error.details).toMatchObject({
      fields: [{ path: 'phone', code: 'phone.format' }],
    });
  });

  it('shows personal details only to the owner and managers, and logs every read', async () => {
    app = await signedInApp('manager');
    const manager = (await app.value('auth.current', {}))!;
    const owner = await addStaff(app, { name: '王芳', role: 'specialist' });
    const other = await addStaff(app, { name: '陈伟', role: 'specialist' });
    const a = await app.value('accounts.create', { account: account({ ownerId: owner.id }) });
    const c = await app.value('contacts.create', { accountId: a.id, name: '刘局长' });
    await app.value('contacts.setPersonal', {
      contactId: c.id,
      personal: { birthday: '1975-03-05', hobbies: '钓鱼' },
    });

    expect((await app.value('contacts.list', { accountId: a.id }))[0]).toMatchObject({
      hasPersonal: true,
    });
    expect(JSON.stringify(await app.value('contacts.list', { accountId: a.id }))).not.toContain(
      '钓鱼',
    );

    await app.value('auth.pick', { staffId: other.id });
    const refused = await app.call('contacts.getPersonal', { contactId: c.id });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { kind: 'pipl' },
    });

    await app.value('auth.pick', { staffId: owner.id });
    expect(await app.value('contacts.getPersonal', { contactId: c.id })).toMatchObject({
      birthday: '1975-03-05',
      hobbies: '钓鱼',
    });

    const reads = (await app.value('accounts.history', { id: a.id })).rows.filter(
      (r) => r.action === 'contact.personal.read',
    );
    expect(reads.map((r) => r.actorId)).toEqual([owner.id]);
    expect(manager.role).toBe('manager');
  });
});

describe('staff roles', () => {
  it('lets managers add staff, keeps the admin role to admins, and locks nobody out by themselves', async () => {
    app = await signedInApp('admin');
    const admin = (await app.value('auth.current', {}))!;
    const manager = await app.value('staff.create', { name: '张经理', role: 'manager' });
    const specialist = await app.value('staff.create', { name: '李明', role: 'specialist' });

    await app.value('auth.pick', { staffId: specialist.id });
    const refused = await app.call('staff.create', { name: '新人', role: 'specialist' });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { kind: 'role' },
    });

    await app.value('auth.pick', { staffId: manager.id });
    await app.value('staff.create', { name: '新人', role: 'specialist' });
    const grant = await app.call('staff.update', { ...specialist, role: 'admin' });
    expect(grant.ok || grant.error).toMatchObject({ code: 'FORBIDDEN', details: { kind: 'role' } });
    const demote = await app.call('staff.update', { ...admin, role: 'specialist' });
    expect(demote.ok || demote.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { kind: 'role' },
    });
    const self = await app.call('staff.update', { ...manager, active: false });
    expect(self.ok || self.error).toMatchObject({ code: 'FORBIDDEN', details: { kind: 'self' } });

    // A deactivated member can no longer sign in (their open sessions are signed out too).
    await app.value('staff.update', { ...specialist, active: false });
    const signIn = await app.call('auth.pick', { staffId: specialist.id });
    expect(signIn.ok || signIn.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { kind: 'inactive' },
    });
  });
});
