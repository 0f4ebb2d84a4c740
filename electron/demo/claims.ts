/**
 * Demo claims and filings, written through the services in the loader's transaction: the accounts
 * our staff develop most are claimed (most approved, a few expiring soon), a head office and its
 * unit claimed by two colleagues (an internal overlap for the manager to settle), other dealers'
 * claims the manufacturer told us about (conflicts with claims of ours awaiting the reply),
 * claims outside the territory with their authorisation, and draft filings of final contracts
 * waiting for their evidence.
 */
import { type Clock, isoNow } from '../../shared/clock';
import { type Kysely, sql } from 'kysely';
import { addDays, chinaDate } from '../../shared/dates';
import { DEVELOPMENT_TYPES } from '../../shared/filing-enums';
import type { Staff } from '../../shared/schemas/staff';
import { answerAuthorisation, requestAuthorisation } from '../claims/authorisation';
import { createClaim } from '../claims/drafts';
import { fileClaim, recordExternalClaim } from '../claims/filing';
import { recordReply } from '../claims/replies';
import type { Database } from '../db/schema';
import { createFiling } from '../filings/service';
import { DEFAULT_FILING_SETTINGS, setFilingSettings } from '../settings/filing-settings';
import { Random } from './random';

const DEALERS = [
  '杭州骏诚汽车销售服务有限公司',
  '宁波安达汽车有限公司',
  '温州瑞丰汽车销售有限公司',
];
const MAX_CLAIMS = 60;
const MAX_FILINGS = 10;

interface DemoClaimsSummary {
  claims: number;
  filings: number;
}

type Actor = Pick<Staff, 'id' | 'role'>;

export async function seedDemoClaims(
  trx: Kysely<Database>,
  clock: Clock,
  managerId: number,
  seed = 20261124,
): Promise<DemoClaimsSummary> {
  const r = new Random(seed);
  const today = chinaDate(clock.now());
  const manager: Actor = { id: managerId, role: 'manager' };
  const staff = new Map(
    (await trx.selectFrom('staff').select(['id', 'role']).execute()).map((s) => [
      s.id,
      { id: s.id, role: s.role },
    ]),
  );
  // The accounts with the most development work, and who works them.
  const developed = await trx
    .selectFrom('activities as v')
    .innerJoin('accounts as a', 'a.id', 'v.account_id')
    .select(['a.id', 'a.owner_id', 'a.parent_id', 'a.province_code', sql<number>`count(*)`.as('n')])
    .where('v.type', 'in', [...DEVELOPMENT_TYPES])
    .where('a.owner_id', 'is not', null)
    .groupBy('a.id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(MAX_CLAIMS)
    .execute();
  if (developed.length === 0) return { claims: 0, filings: 0 };

  // Our territory: the province where most of that work is.
  const provinces = new Map<string, number>();
  for (const a of developed)
    if (a.province_code) provinces.set(a.province_code, (provinces.get(a.province_code) ?? 0) + 1);
  const home = [...provinces.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  await setFilingSettings(
    trx,
    managerId,
    { ...DEFAULT_FILING_SETTINGS, territoryCodes: home ? [home] : [] },
    clock,
  );

  let claims = 0;
  /** Accounts whose claim of ours is filed and awaits the manufacturer's reply. */
  const awaiting: number[] = [];
  let reference = r.int(1000, 5000);
  const dataDir = '';
  for (const [i, a] of developed.entries()) {
    const owner = staff.get(a.owner_id!);
    if (!owner) continue;
    const actor: Actor = { id: owner.id, role: owner.role };
    // A few protected for a short while only: they show in "my day" as expiring.
    const protectionDays = i % 9 === 4 ? r.int(5, 12) : null;
    const draft = await createClaim(trx, clock, dataDir, actor, {
      accountId: a.id,
      opportunityId: null,
      territoryCode: null,
      protectionDays,
      notes: null,
    });
    claims++;
    if (draft.authState === 'needed') {
      await requestAuthorisation(trx, clock, dataDir, actor, {
        id: draft.id,
        addressee: r.pick(DEALERS),
        note: '客户总部在本市，由我店持续开发，申请跨区报备',
      });
      if (i % 3 === 2) continue;
      await answerAuthorisation(trx, clock, dataDir, manager, {
        id: draft.id,
        granted: true,
        reference: `SQ-${today.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`,
        note: '厂家区域经理同意跨区报备',
      });
    }
    if (i % 11 === 10) continue; // still a draft
    const filed = await fileClaim(trx, clock, dataDir, actor, draft.id);
    if (filed.status !== 'filed') continue;
    if (r.chance(0.7))
      await recordReply(trx, clock, dataDir, actor, {
        id: filed.id,
        outcome: 'approved',
        oemReference: `KA${today.slice(0, 4)}${String(reference++).padStart(5, '0')}`,
        reply: '报备通过',
        repliedOn: today,
      });
    else awaiting.push(a.id);
  }

  // A colleague claims a unit of a claimed head office; another dealer claims two of ours.
  const claimed = developed.map((a) => a.id);
  const unit = await trx
    .selectFrom('accounts')
    .select(['id', 'owner_id'])
    .where('parent_id', 'in', claimed)
    .where('id', 'not in', claimed)
    .limit(1)
    .executeTakeFirst();
  const colleague = [...staff.values()].find(
    (s) => s.role === 'specialist' && s.id !== unit?.owner_id,
  );
  if (unit && colleague) {
    const actor: Actor = { id: colleague.id, role: colleague.role };
    // The colleague serves the unit as its co-owner (副销售): claims are for the account's team.
    await trx
      .insertInto('account_team_members')
      .values({
        account_id: unit.id,
        staff_id: colleague.id,
        added_at: isoNow(clock),
        added_by: managerId,
      })
      .execute();
    const draft = await createClaim(trx, clock, dataDir, actor, {
      accountId: unit.id,
      opportunityId: null,
      territoryCode: null,
      protectionDays: null,
      notes: null,
    });
    if (draft.fileBlockers.length === 0) await fileClaim(trx, clock, dataDir, actor, draft.id);
    claims++;
  }
  const rivalled =
    awaiting.length >= 2 ? awaiting.slice(0, 2) : developed.slice(1, 3).map((a) => a.id);
  for (const accountId of rivalled) {
    await recordExternalClaim(trx, clock, dataDir, manager, {
      accountId,
      dealerName: r.pick(DEALERS),
      filedAt: new Date(Date.parse(`${addDays(today, -r.int(20, 60))}T02:00:00Z`)).toISOString(),
      evidenceCount: r.int(1, 6),
      customerWish: false,
      oemReference: null,
      notes: '厂家区域经理电话告知',
    });
    claims++;
  }

  // Final contracts' filings, started and waiting for their evidence.
  const contracts = await trx
    .selectFrom('contracts')
    .select(['id', 'owner_id'])
    .where('status', '=', 'final')
    .where('delivered', '>', 0)
    .orderBy('signed_on', 'desc')
    .limit(MAX_FILINGS)
    .execute();
  let filings = 0;
  for (const c of contracts) {
    const owner = staff.get(c.owner_id ?? managerId) ?? manager;
    await createFiling(trx, clock, dataDir, owner, { contractId: c.id, units: null, notes: null });
    filings++;
  }
  return { claims, filings };
}
