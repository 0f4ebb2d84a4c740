/**
 * The demo-data job: generated accounts, staff, contacts and fleets written in one transaction
 * with prepared statements, each account's creation chained into the audit log, then the sales
 * work on them (demo/sales.ts) in the same transaction.
 */
import { suggestOrgNature } from '../../shared/org-nature';
import { AppError } from '../../shared/result';
import { AccountDerivedStatements } from '../accounts/derived';
import { countAccounts } from '../accounts/repository';
import { type AuditEvent, appendAudit } from '../audit/audit';
import { prepareInsert } from '../db/bulk';
import { writeTx } from '../db/tx';
import { refreshAllAccountFacts } from '../value/facts';
import type { JobFunction } from '../jobs/context';
import { getSetting, setSetting } from '../prefs/service';
import type { DealerSettings } from '../../shared/schemas/dealer-settings';
import { type DemoAccount, demoStaff, generateDemoAccounts } from './generate';
import { seedDemoClaims } from './claims';
import { seedDemoSales } from './sales';
import { isoNow } from '../../shared/clock';

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
    const now = isoNow(ctx.clock);

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
    await appendAudit(trx, ctx.clock, staffEvents);
    const owners = [...staffIds, ...existingStaff.map((s) => s.id)];

    // The accounts and their aliases with their derived columns (accounts/derived.ts).
    const accountRows = new AccountDerivedStatements(sqlite);
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
      const nature = suggestOrgNature(a);
      const id = accountRows.insert(
        {
          name: a.name,
          uscc: a.uscc,
          buyer_type: a.buyerType,
          industry: a.industry,
          org_nature: nature?.nature ?? null,
          // The demo team confirmed what the USCC says; industry-based guesses still await them.
          org_nature_confirmed: nature?.basis === 'uscc' ? 1 : 0,
          province_code: a.provinceCode,
          city_code: a.cityCode,
          district_code: a.districtCode,
          address: a.address,
          parent_id: parentId,
          grade: a.grade,
          value_type: a.valueType,
          lifecycle: a.lifecycle,
          source: a.source,
          owner_id: ownerId,
          notes: a.notes,
          created_at: a.createdAt,
          updated_at: a.createdAt,
          created_by: ctx.actorId,
          updated_by: ctx.actorId,
        },
        {
          aliases: a.aliases.map((x) => x.alias),
          contactNames: a.contacts.map((c) => c.name),
          fleetTotal: a.fleet.reduce((s, f) => s + f.count, 0),
          subordinateCount: subordinates.get(i) ?? 0,
        },
      );
      ids.push(id);
      for (const al of a.aliases) accountRows.insertAlias(id, al.alias, al.kind);
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
        await appendAudit(trx, ctx.clock, events);
        events = [];
        ctx.checkCancelled();
        ctx.progress(i + 1, accounts.length);
      }
    }
    accountRows.indexInserted();
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
    // The sales went in through bulk statements: their accounts' facts in one pass.
    await refreshAllAccountFacts(trx);
    ctx.progress(accounts.length, accounts.length);
    await setSetting(trx, 'demo.loadedAt', now);
    return { accounts: ids.length, contacts, staff: staffIds.length, ...sales, ...claims };
  });
  return {
    result: summary,
    message: `${summary.accounts} accounts, ${summary.contacts} contacts, ${summary.opportunities} opportunities, ${summary.tenders} tenders, ${summary.contracts} contracts`,
  };
};
