/**
 * The load test's check that acknowledged writes are in the database file: against the real
 * schema, a write that is there counts as found; a missing row, or one whose text differs, is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyLedger } from '../../bench/load/user';
import { verifyLedger } from '../../bench/load/verify';
import { signedInApp, type TestApp } from '../helpers/app';
import { chinaDate } from '../../shared/dates';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('load test verification', () => {
  it('finds acknowledged writes by id and text, and names the lost ones', async () => {
    app = await signedInApp('manager');
    const account = await app.value('accounts.create', {
      account: { name: '压测导入车队有限公司', buyerType: 'direct' },
    });
    const activity = await app.value('activities.create', {
      type: 'call',
      accountId: account.id,
      occurredOn: chinaDate(),
      summary: '压测 活动 1',
    });
    const opportunity = await app.value('opportunities.create', {
      accountId: account.id,
      title: '压测商机 1',
    });
    const claim = await app.value('claims.create', { accountId: account.id, notes: '压测报备 1' });
    await app.close();
    const dbFile = app.dbFile;
    app = null;

    const ledger = emptyLedger();
    ledger.activities.set(activity.id, '压测 活动 1');
    ledger.activities.set(activity.id + 1000, '压测 活动 2');
    ledger.opportunities.set(opportunity.id, '压测商机 1');
    ledger.claims.set(claim.id, '另一段备注');
    ledger.importedAccounts.push('压测导入车队有限公司', '从未导入的单位');
    expect(verifyLedger(dbFile, ledger)).toEqual({
      acknowledged: 6,
      found: 3,
      lost: [
        { table: 'activities', id: activity.id + 1000 },
        { table: 'claims', id: claim.id },
        { table: 'accounts', id: '从未导入的单位' },
      ],
    });
  });
});
