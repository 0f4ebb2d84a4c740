/**
 * The demo-data job: generated accounts, staff, contacts and fleets written in one transaction
 * with prepared statements, each account's creation chained into the audit log, then the sales
 * work on them (demo/sales.ts) in the same transaction.
 */
import { suggestOrgNature } from '../../shared/org-nature';
import { normalizeOrgName } from '../../shared/text';
import { AppError } from '../../shared/result';
import { nameSortKey } from '../accounts/pinyin';
import { buildSearchText, countAccounts } from '../accounts/repository';
import { type AuditEvent, appendAudit } from '../audit/audit';
import { prepareInsert } from '../db/bulk';
import { writeTx } from '../db/tx';
import type { JobFunction } from '../jobs/context';
import { getSetting, setSetting } from '../prefs/service';
import type { DealerSettings } from '../../shared/schemas/dealer-settings';
import { type DemoAccount, demoStaff, generateDemoAccounts } from './generate';
import { seedDemoClaims } from './claims';
import { seedDemoSales } from './sales';
import { nowIso } from '../../shared/clock';

export interface DemoParams {
  accounts: number;
  seed?: number;
}

const BATCH = 250;

const DEMO_DEALER: DealerSettings = {
  name: '杭州钱塘汽车销售服务有限公司',
  code: 'ZJ0571A',
  brand: '大众',
};

export const loadDemoJob: JobFunction<DemoParams> = async (ctx) => {
  const { db, sqlite } = ctx;
  const accounts = generateDemoAccounts(ctx.params.accounts, ctx.params.seed);
  ctx.progress(0, accounts.length);

  // One transaction for accounts and sales work: the demo loads whole or not at all.
  const summary = await writeTx(db, async (trx) => {
    if ((await countAccounts(trx)) > 0)
      throw new AppError('CONFLICT', 'demo data can only be loaded into an empty database', {
        kind: 'not_empty',
      });
    const now = nowIso();

    const staffIds: number[] = [];
    const existingStaff = await trx
      .selectFrom('staff')
      .select('id')
      .where('active', '=', 1)
      .orderBy('id')
      .execute();
    const insertStaff = prepareInsert(sqlite, 'staff', [
      'name',
      'role',
      'phone',
      'email',
      'active',
      'created_at',
    ]);
    const staffEvents: AuditEvent[] = [];
    for (const s of demoStaff()) {
      const id = insertStaff.run([s.name, s.role, s.phone, s.email, 1, now]);
      staffIds.push(id);
      staffEvents.push({
        actorId: ctx.actorId,
        entity: 'staff',
        entityId: id,
        action: 'staff.create',
        after: { ...s, origin: 'demo' },
      });
    }
    await appendAudit(trx, staffEvents);
    const owners = [...staffIds, ...existingStaff.map((s) => s.id)];

    const insertAccount = prepareInsert(sqlite, 'accounts', [
      'name',
      'name_norm',
      'name_sort',
      'uscc',
      'buyer_type',
      'industry',
      'org_nature',
      'org_nature_confirmed',
      'province_code',
      'city_code',
      'district_code',
      'address',
      'parent_id',
      'grade',
      'value_type',
      'lifecycle',
      'source',
      'owner_id',
      'notes',
      'fleet_total',
      'contact_count',
      'subordinate_count',
      'search_text',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
    ]);
    const insertAlias = prepareInsert(sqlite, 'account_aliases', [
      'account_id',
      'alias',
      'alias_norm',
      'kind',
    ]);
    const insertFleet = prepareInsert(sqlite, 'account_fleet', [
      'account_id',
      'brand',
      'model',
      'count',
      'year',
    ]);
    const insertContact = prepareInsert(sqlite, 'contacts', [
      'account_id',
      'name',
      'title',
      'department',
      'level',
      'purchase_role',
      'attitude',
      'phone',
      'email',
      'notes',
      'created_at',
      'updated_at',
    ]);
    const insertPersonal = prepareInsert(sqlite, 'contact_personal', [
      'contact_id',
      'birthday',
      'hometown',
      'education',
      'hobbies',
      'schedule',
      'career_goals',
      'family',
      'notes',
      'updated_at',
    ]);

    const subordinates = new Map<number, number>();
    for (const a of accounts)
      if (a.parentIndex !== null)
        subordinates.set(a.parentIndex, (subordinates.get(a.parentIndex) ?? 0) + 1);

    const ids: number[] = [];
    let contacts = 0;
    let events: AuditEvent[] = [];
    for (let i = 0; i < accounts.length; i++) {
      const a = accounts[i] as DemoAccount;
      const ownerId = owners[a.ownerIndex % owners.length] ?? null;
      const parentId = a.parentIndex === null ? null : (ids[a.parentIndex] ?? null);
      const fleetTotal = a.fleet.reduce((s, f) => s + f.count, 0);
      const nature = suggestOrgNature(a);
      const search = buildSearchText(
        a.name,
        a.uscc,
        a.aliases.map((x) => x.alias),
        a.contacts.map((c) => c.name),
      );
      const id = insertAccount.run([
        a.name,
        normalizeOrgName(a.name),
        nameSortKey(a.name),
        a.uscc,
        a.buyerType,
        a.industry,
        nature?.nature ?? null,
        // The demo team confirmed what the USCC says; industry-based guesses still await them.
        nature?.basis === 'uscc' ? 1 : 0,
        a.provinceCode,
        a.cityCode,
        a.districtCode,
        a.address,
        parentId,
        a.grade,
        a.valueType,
        a.lifecycle,
        a.source,
        ownerId,
        a.notes,
        fleetTotal,
        a.contacts.length,
        subordinates.get(i) ?? 0,
        search,
        a.createdAt,
        a.createdAt,
        ctx.actorId,
        ctx.actorId,
      ]);
      ids.push(id);
      for (const al of a.aliases)
        insertAlias.run([id, al.alias, normalizeOrgName(al.alias), al.kind]);
      for (const f of a.fleet) insertFleet.run([id, f.brand, f.model, f.count, f.year]);
      for (const c of a.contacts) {
        const contactId = insertContact.run([
          id,
          c.name,
          c.title,
          c.department,
          c.level,
          c.purchaseRole,
          c.attitude,
          c.phone,
          c.email,
          null,
          a.createdAt,
          a.createdAt,
        ]);
        contacts++;
        if (c.personal)
          insertPersonal.run([
            contactId,
            c.personal.birthday,
            c.personal.hometown,
            c.personal.education,
            c.personal.hobbies,
            null,
            null,
            null,
            null,
            a.createdAt,
          ]);
      }
      events.push({
        actorId: ctx.actorId,
        entity: 'account',
        entityId: id,
        action: 'account.create',
        after: { name: a.name, uscc: a.uscc, buyerType: a.buyerType, origin: 'demo' },
      });
      if (events.length === BATCH || i === accounts.length - 1) {
        await appendAudit(trx, events);
        events = [];
        ctx.checkCancelled();
        ctx.progress(i + 1, accounts.length);
      }
    }
    ctx.progress(accounts.length, accounts.length, 'sales');
    // The demo dealership, unless this data folder already says who it is: before the sales, so
    // that their deliveries add our brand's vehicles to the buyers' fleets.
    if ((await getSetting(trx, 'dealer')) === null)
      await setSetting(trx, 'dealer', JSON.stringify(DEMO_DEALER));
    const sales = await seedDemoSales(
      trx,
      ctx.clock,
      {
        accounts: accounts.map((a, i) => ({
          id: ids[i]!,
          name: a.name,
          buyerType: a.buyerType,
          ownerId: owners[a.ownerIndex % owners.length] ?? null,
          parentId: a.parentIndex === null ? null : (ids[a.parentIndex] ?? null),
          source: a.source,
        })),
        managerId: staffIds[0]!,
        adminId: staffIds[1]!,
      },
      (done, total) => {
        ctx.checkCancelled();
        ctx.progress(done, total, 'sales');
      },
    );
    const claims = await seedDemoClaims(trx, ctx.clock, staffIds[0]!);
    ctx.progress(accounts.length, accounts.length);
    await setSetting(trx, 'demo.loadedAt', now);
    return { accounts: ids.length, contacts, staff: staffIds.length, ...sales, ...claims };
  });
  return {
    result: summary,
    message: `${summary.accounts} accounts, ${summary.contacts} contacts, ${summary.opportunities} opportunities, ${summary.tenders} tenders, ${summary.contracts} contracts`,
  };
};
