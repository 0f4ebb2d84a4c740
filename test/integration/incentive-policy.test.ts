/**
 * The incentive policy as the seed states it, through the API: a state organ (organisation nature
 * 机关, suggested from its USCC and confirmed by a person) buys without a minimum in any channel,
 * registrations are asked of non-state systems only, and the ≥10-unit batch window is a setting
 * every verdict names.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api';
import { chinaDate } from '../../shared/dates';
import { DEFAULT_POLICY } from '../../shared/eligibility';
import { signedInApp, type TestApp } from '../helpers/app';
import { account, newUscc } from '../helpers/fixtures';
import { attachDocument, finalContract, invoiceAll, priceEntry, vins } from '../helpers/sales';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

const rule = (f: Output<'filings.get'>, name: string) =>
  f.verdict.rules.find((r) => r.rule === name)!;
const check = (f: Output<'filings.get'>, name: string) => f.checks.find((c) => c.check === name)!;

/**
 * A system purchase of 3 vehicles by a head office, allocated to one subordinate unit, delivered
 * without registrations, invoiced to the unit and proven with the system checklist (no 行驶证).
 */
async function systemPurchase(
  head: { name: string; uscc: string; industry: 'public_security' | 'banking' },
  unitName: string,
) {
  const price = await priceEntry(app);
  const hq = await app.value('accounts.create', {
    account: account({
      name: head.name,
      buyerType: 'system',
      uscc: head.uscc,
      industry: head.industry,
    }),
  });
  const unit = await app.value('accounts.create', {
    account: account({
      name: unitName,
      buyerType: 'system',
      uscc: newUscc(head.uscc.slice(0, 2)),
      parentId: hq.id,
    }),
  });
  const draft = await app.value('contracts.create', {
    number: `HT-SYS-${head.uscc.slice(-6)}`,
    kind: 'system',
    accountId: hq.id,
    partyName: head.name,
    signedOn: '2026-05-20',
    tenderId: null,
    lines: [{ priceId: price.id, quantity: 3, unitPriceFen: 20_000_000 }],
  });
  let c = await app.value('contracts.finalize', { id: draft.id });
  c = await app.value('contracts.allocate', {
    contractId: c.id,
    unitId: unit.id,
    lineId: c.lines[0]!.id,
    quantity: 3,
  });
  for (const v of vins(3))
    c = await app.value('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      allocationId: c.allocations[0]!.id,
      vin: v,
      deliveredOn: '2026-06-01',
      registrationOwner: null,
      plate: null,
    });
  c = await invoiceAll(app, c, unitName, '2026-06-02');
  const filing = await app.value('filings.create', { contractId: c.id });
  for (const kind of ['visit_record', 'unified_contract', 'procurement_list', 'invoice'] as const)
    await attachDocument(app, filing.id, kind);
  return { hq, filing: await app.value('filings.get', { id: filing.id }) };
}

describe('state organs buy without a minimum, whatever the channel', () => {
  it('a 3-unit system purchase by a provincial police department (四川省公安厅) is eligible and needs no registrations', async () => {
    app = await signedInApp('manager');
    const { hq, filing } = await systemPurchase(
      { name: '四川省公安厅', uscc: newUscc('11'), industry: 'public_security' },
      '绵阳市公安局',
    );
    // Suggested from the USCC (1 = 机构编制, 1 = 机关), not yet confirmed by a person.
    expect(hq).toMatchObject({ orgNature: 'organ', orgNatureState: 'suggested' });
    expect(filing.eligible).toBe(true);
    expect(rule(filing, 'government')).toMatchObject({
      pass: true,
      facts: { buyerType: 'system', orgNature: 'organ', confirmed: false },
    });
    expect(check(filing, 'registration_owner').pass).toBeNull();
    expect(check(filing, 'vins').pass).toBe(true);
    expect(check(filing, 'units').pass).toBe(true);
    expect(check(filing, 'evidence').pass).toBe(true);
    expect(filing.checklist.map((c) => c.kind)).not.toContain('registration');

    // A person confirms it from the card; the verdict says so, the history keeps who did.
    const confirmed = await app.value('accounts.confirmOrgNature', {
      id: hq.id,
      orgNature: 'organ',
    });
    expect(confirmed).toMatchObject({ orgNature: 'organ', orgNatureState: 'confirmed' });
    const again = await app.value('filings.get', { id: filing.id });
    expect(rule(again, 'government').facts).toMatchObject({ confirmed: true });
    const history = await app.value('accounts.history', { id: hq.id, offset: 0, limit: 10 });
    expect(history.rows[0]).toMatchObject({ action: 'account.update' });
    expect(JSON.stringify(history.rows[0]!.after)).toContain('"orgNatureState":"confirmed"');
    expect((await app.value('filings.submit', { id: filing.id })).status).toBe('submitted');
  });

  it('the same paperwork from a bank’s system (国有企业) misses its minimum and its registrations', async () => {
    app = await signedInApp('manager');
    const { hq, filing } = await systemPurchase(
      { name: '中国工商银行四川省分行', uscc: newUscc('91'), industry: 'banking' },
      '中国工商银行绵阳分行',
    );
    expect(hq).toMatchObject({ orgNature: 'soe', orgNatureState: 'suggested' });
    expect(filing.eligible).toBe(false);
    expect(rule(filing, 'government').pass).toBeNull();
    expect(rule(filing, 'min_units')).toMatchObject({ pass: false, facts: { units: 3 } });
    expect(check(filing, 'vins').problems.map((p) => p.code)).toEqual([
      'no_registration',
      'no_registration',
      'no_registration',
    ]);
    expect(check(filing, 'evidence').problems).toContainEqual(
      expect.objectContaining({ code: 'document_missing', subject: 'registration' }),
    );
  });

  it('a public school buying through the procurement centre is not a state organ', async () => {
    app = await signedInApp('manager');
    const school = await app.value('accounts.create', {
      account: account({
        name: '杭州市第二中学',
        buyerType: 'government',
        uscc: newUscc('12'),
        industry: 'education',
      }),
    });
    expect(school).toMatchObject({ orgNature: 'institution', orgNatureState: 'suggested' });
    // A person may set it explicitly in the form: then it is confirmed.
    const edited = await app.value('accounts.update', {
      id: school.id,
      version: await versionOf(app, 'accounts', school.id),
      account: account({
        name: '杭州市第二中学',
        buyerType: 'government',
        uscc: school.uscc,
        industry: 'education',
        orgNature: 'other',
      }),
    });
    expect(edited).toMatchObject({ orgNature: 'other', orgNatureState: 'confirmed' });
    // Clearing the choice returns to Keyfleet's suggestion, unconfirmed.
    const cleared = await app.value('accounts.update', {
      id: school.id,
      version: await versionOf(app, 'accounts', school.id),
      account: account({
        name: '杭州市第二中学',
        buyerType: 'government',
        uscc: school.uscc,
        industry: 'education',
      }),
    });
    expect(cleared).toMatchObject({ orgNature: 'institution', orgNatureState: 'suggested' });
    const page = await app.value('accounts.list', {
      filters: [{ field: 'orgNatureState', op: 'in', values: ['suggested'] }],
      sort: [],
      offset: 0,
      limit: 50,
    });
    expect(page.rows.map((r) => r.name)).toContain('杭州市第二中学');
  });
});

describe('the ≥10-unit batch window is a setting each verdict names', () => {
  it('open-ended by default; “rest of the calendar year” and “12 months” end it', async () => {
    app = await signedInApp('manager');
    const price = await priceEntry(app);
    const firm = await app.value('accounts.create', {
      account: account({ name: '杭州顺风物流有限公司', buyerType: 'direct' }),
    });
    // A 12-unit batch in 2025, then a 3-unit purchase in 2026 (before the batch's anniversary).
    const batch = await finalContract(app, {
      accountId: firm.id,
      partyName: '杭州顺风物流有限公司',
      priceId: price.id,
      quantity: 12,
      signedOn: '2025-09-01',
    });
    const small = await finalContract(app, {
      accountId: firm.id,
      partyName: '杭州顺风物流有限公司',
      priceId: price.id,
      quantity: 3,
      signedOn: '2026-05-20',
    });
    const filing = await app.value('filings.create', { contractId: small.id });
    const verdictWith = async (batchWindow: 'open_ended' | 'calendar_year' | 'twelve_months') => {
      const settings = await app.value('settings.filing', {});
      await app.value('settings.setFiling', {
        ...settings,
        policy: { ...settings.policy, batchWindow },
      });
      return app.value('filings.get', { id: filing.id });
    };

    expect((await app.value('settings.filing', {})).policy).toEqual(DEFAULT_POLICY);
    const open = await app.value('filings.get', { id: filing.id });
    expect(rule(open, 'annual_batch')).toMatchObject({
      pass: true,
      facts: { window: 'open_ended', batch: batch.number, until: null },
    });
    const year = await verdictWith('calendar_year');
    expect(rule(year, 'annual_batch')).toMatchObject({
      pass: false,
      facts: { window: 'calendar_year', batch: null },
    });
    const twelve = await verdictWith('twelve_months');
    expect(rule(twelve, 'annual_batch')).toMatchObject({
      pass: true,
      facts: { window: 'twelve_months', batch: batch.number, until: '2026-08-31' },
    });
    expect(chinaDate() > '2026-05-20').toBe(true);
  });
});
