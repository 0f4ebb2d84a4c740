/**
 * A small hand-made store for the dashboards' tests, written straight into the tables (the reads
 * are what is tested, not the workflows that would write these rows): a manager, two specialists
 * (李 owns 甲, 王 owns 乙), their opportunities with stage history and competitors, a tender lot a
 * rival won, claims and filings. The figures the tests expect are worked out in the comments.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/db/schema';
import { stagePathOf } from '../../electron/opportunities/stage-path';
import type { Stage } from '../../shared/sales-enums';

const AT = '2026-03-01T00:00:00.000Z';

export interface DashboardData {
  manager: number;
  li: number;
  wang: number;
  accountLi: number;
  accountWang: number;
}

async function staff(db: Kysely<Database>, name: string, role: 'manager' | 'specialist') {
  const row = await db
    .insertInto('staff')
    .values({ name, role, active: 1, created_at: AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function account(db: Kysely<Database>, name: string, ownerId: number) {
  const row = await db
    .insertInto('accounts')
    .values({
      name,
      name_norm: name,
      name_sort: name,
      buyer_type: 'direct',
      grade: 'B',
      lifecycle: 'target',
      owner_id: ownerId,
      search_text: name,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface Opp {
  account: number;
  /** null: nobody's (无负责人), as an import can leave one. */
  owner: number | null;
  stage: Stage;
  amount: number;
  close: string;
  changedAt: string;
  buyerType?: 'direct' | 'government';
  source?: 'referral' | 'cold_call';
  lostReason?: 'price' | 'budget';
  history: Stage[];
  competitors?: string[];
}

export async function opportunity(db: Kysely<Database>, o: Opp) {
  const row = await db
    .insertInto('opportunities')
    .values({
      account_id: o.account,
      title: `${o.stage} ${o.amount}`,
      title_sort: `${o.stage} ${o.amount}`,
      buyer_type: o.buyerType ?? 'direct',
      owner_id: o.owner,
      source: o.source ?? null,
      stage: o.stage,
      stage_changed_at: o.changedAt,
      stage_path: stagePathOf(o.history),
      amount_fen: o.amount,
      quantity: 1,
      expected_close_on: o.close,
      lost_reason: o.lostReason ?? null,
      search_text: 'x',
      created_at: AT,
      updated_at: AT,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let from: Stage | null = null;
  for (const to of o.history) {
    await db
      .insertInto('opportunity_stages')
      .values({ opportunity_id: row.id, at: AT, from_stage: from, to_stage: to, cause: 'manual' })
      .execute();
    from = to;
  }
  for (const brand of o.competitors ?? [])
    await db
      .insertInto('opportunity_competitors')
      .values({ opportunity_id: row.id, brand })
      .execute();
  return row.id;
}

export async function seedDashboardData(db: Kysely<Database>): Promise<DashboardData> {
  const manager = await staff(db, '王经理', 'manager');
  const li = await staff(db, '李专员', 'specialist');
  const wang = await staff(db, '王专员', 'specialist');
  const accountLi = await account(db, '甲市公安局', li);
  const accountWang = await account(db, '乙市税务局', wang);

  // In [2026-03-01, 2026-04-30] by expected close; the last one (June) is outside.
  await opportunity(db, {
    account: accountLi,
    owner: li,
    stage: 'design',
    amount: 1_000_000,
    close: '2026-03-15',
    changedAt: '2026-03-01T02:00:00.000Z',
    history: ['interest', 'brewing', 'design'],
  });
  await opportunity(db, {
    account: accountLi,
    owner: li,
    stage: 'design',
    amount: 500_001,
    close: '2026-03-20',
    // 01:00 on 31 January in China: 59 days before 31 March.
    changedAt: '2026-01-30T17:00:00.000Z',
    history: [],
  });
  await opportunity(db, {
    account: accountWang,
    owner: wang,
    stage: 'commitment',
    amount: 2_000_000,
    close: '2026-04-10',
    changedAt: '2025-12-01T00:00:00.000Z',
    history: ['design', 'comparison', 'commitment'],
  });
  await opportunity(db, {
    account: accountLi,
    owner: li,
    stage: 'won',
    amount: 3_000_000,
    close: '2026-03-01',
    changedAt: '2026-03-01T02:00:00.000Z',
    source: 'referral',
    history: ['interest', 'in_use', 'won'],
    competitors: ['丰田'],
  });
  await opportunity(db, {
    account: accountWang,
    owner: wang,
    stage: 'lost',
    amount: 1_000_000,
    close: '2026-03-05',
    changedAt: '2026-03-03T02:00:00.000Z',
    buyerType: 'government',
    source: 'cold_call',
    lostReason: 'price',
    history: ['comparison', 'lost'],
    competitors: ['丰田', '本田'],
  });
  await opportunity(db, {
    account: accountLi,
    owner: li,
    stage: 'lost',
    amount: 400_000,
    close: '2026-03-06',
    changedAt: '2026-03-04T02:00:00.000Z',
    source: 'referral',
    lostReason: 'budget',
    history: ['design', 'lost'],
    competitors: ['本田', '本田'],
  });
  await opportunity(db, {
    account: accountWang,
    owner: wang,
    stage: 'interest',
    amount: 100,
    close: '2026-06-01',
    changedAt: '2026-03-31T01:00:00.000Z',
    history: ['interest'],
  });

  // A tender on 王's account: lot 1 went to a rival (4 units for 800,000 fen; we bid 880,000).
  const tender = await db
    .insertInto('tenders')
    .values({
      project_no: 'ZJCG-2026-001',
      project_key: 'ZJCG-2026-001',
      name: '执法车辆',
      method: 'open_tender',
      purchaser_id: accountWang,
      owner_id: wang,
      status: 'awarded',
      awarded_on: '2026-03-10',
      search_text: 'x',
      created_at: AT,
      updated_at: AT,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('tender_lots')
    .values([
      {
        tender_id: tender.id,
        position: 1,
        lot_no: '1',
        quantity: 4,
        bid_amount_fen: 880_000,
        result: 'lost',
        winner_name: '某丰田店',
        winner_brand: '丰田',
        winner_model: '凯美瑞',
        winning_amount_fen: 800_000,
      },
      {
        tender_id: tender.id,
        position: 2,
        lot_no: '2',
        quantity: 2,
        bid_amount_fen: 500_000,
        result: 'won',
        winning_amount_fen: 500_000,
      },
    ])
    .execute();

  // Claims (today 2026-03-31): 李 has one expiring in 10 days, one past its protection, one in
  // conflict and a draft; 王 one overlapping with a colleague's; another dealer's is not ours.
  const claim = (
    accountId: number,
    claimant: number,
    status: 'draft' | 'filed' | 'approved' | 'conflict',
    expiresOn: string | null,
    extra: { source?: 'ours' | 'other_dealer'; overlap?: string } = {},
  ) =>
    db
      .insertInto('claims')
      .values({
        account_id: accountId,
        source: extra.source ?? 'ours',
        claimant_id: claimant,
        status,
        in_territory: 1,
        auth_state: 'not_needed',
        protection_days: 90,
        expires_on: expiresOn,
        filed_at: expiresOn ? AT : null,
        overlap_since: extra.overlap ?? null,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
  await claim(accountLi, li, 'filed', '2026-04-10');
  await claim(accountLi, li, 'approved', '2026-03-20');
  await claim(accountLi, li, 'conflict', '2026-06-01');
  await claim(accountLi, li, 'draft', null);
  await claim(accountWang, wang, 'filed', '2026-05-30', { overlap: AT });
  await claim(accountWang, wang, 'filed', '2026-05-30', { source: 'other_dealer' });

  // Filings: 李 one submitted (5 units) and one draft (2); 王 one submitted (10).
  const filing = async (accountId: number, status: 'draft' | 'submitted', units: number) => {
    const no = `HT-${accountId}-${status}-${units}`;
    const contract = await db
      .insertInto('contracts')
      .values({
        number: no,
        number_key: no,
        kind: 'standard',
        status: 'final',
        account_id: accountId,
        party_name: 'x',
        search_text: 'x',
        created_at: AT,
        updated_at: AT,
        created_by: null,
        updated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('filings')
      .values({
        number: `BB-${no}`,
        contract_id: contract.id,
        account_id: accountId,
        status,
        units,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
  };
  await filing(accountLi, 'submitted', 5);
  await filing(accountLi, 'draft', 2);
  await filing(accountWang, 'submitted', 10);

  return { manager, li, wang, accountLi, accountWang };
}
