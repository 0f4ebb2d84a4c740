/** The cross-document checks of a filing, on hand-made facts: one check at a time fails. */
import { describe, expect, it } from 'vitest';
import { type FilingFacts, failedChecks, runFilingChecks } from '../../shared/filing-checks';

const eligible = { eligible: true, rules: [] };
const vehicle = (
  vin: string,
  buyer = '浙江远洋渔业集团有限公司',
  owner: string | null = buyer,
) => ({
  vin,
  unit: null,
  invoice: { number: `INV-${vin}`, buyerName: buyer },
  registrationOwner: owner,
});

function direct(overrides: Partial<FilingFacts> = {}): FilingFacts {
  return {
    buyerType: 'direct',
    orgNature: 'private',
    accountNames: ['浙江远洋渔业集团有限公司', '远洋渔业集团'],
    partyName: '浙江远洋渔业集团有限公司',
    declaredUnits: 2,
    contractUnits: 2,
    tender: null,
    vehicles: [vehicle('V1'), vehicle('V2')],
    documents: ['contract', 'invoice', 'registration'],
    damagedDocuments: [],
    verdict: eligible,
    ...overrides,
  };
}

const failed = (f: FilingFacts) => failedChecks(runFilingChecks(f));

describe('filing checks', () => {
  it('pass for a consistent direct sale, whatever the width or brackets of the names', () => {
    expect(
      failed(
        direct({
          vehicles: [
            vehicle('V1', '浙江远洋渔业集团有限公司 '),
            vehicle('V2', '浙江远洋渔业（集团）有限公司'),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('catch an invoice to another legal entity, once per invoice', () => {
    const checks = runFilingChecks(
      direct({
        vehicles: [
          vehicle('V1', '浙江远洋渔业有限公司', '浙江远洋渔业集团有限公司'),
          vehicle('V2'),
        ],
      }),
    );
    expect(failedChecks(checks)).toEqual(['invoice_buyer']);
    expect(checks.find((c) => c.check === 'invoice_buyer')!.problems).toEqual([
      {
        code: 'name_mismatch',
        subject: 'INV-V1',
        expected: '浙江远洋渔业集团有限公司',
        actual: '浙江远洋渔业有限公司',
      },
    ]);
  });

  it('catch a contract party other than the buyer, and a registration to someone else', () => {
    expect(failed(direct({ partyName: '某某租赁有限公司' }))).toEqual(['invoice_buyer']);
    expect(failed(direct({ vehicles: [vehicle('V1'), vehicle('V2', undefined, '张三')] }))).toEqual(
      ['registration_owner'],
    );
  });

  it('count units against deliveries, invoices and registrations', () => {
    expect(failed(direct({ declaredUnits: 3, contractUnits: 3 }))).toEqual(['units']);
    const unregistered = failed(
      direct({ vehicles: [vehicle('V1'), vehicle('V2', undefined, null)] }),
    );
    expect(unregistered).toEqual(['vins', 'units']);
  });

  it('ask government sales for their own evidence, and no registrations', () => {
    const gov = direct({
      buyerType: 'government',
      partyName: '杭州市政府采购中心',
      accountNames: ['杭州市公安局'],
      vehicles: [vehicle('V1', '杭州市政府采购中心', null), vehicle('V2', '杭州市公安局', null)],
      documents: ['procurement_contract', 'procurement_list', 'invoice'],
    });
    expect(failed(gov)).toEqual([]);
    const tendered = { ...gov, tender: { projectNo: 'HZCG-2026-001', wonByUs: false } };
    const checks = runFilingChecks(tendered);
    expect(failedChecks(checks)).toEqual(['evidence', 'tender_winner']);
    expect(checks.find((c) => c.check === 'evidence')!.problems[0]).toMatchObject({
      code: 'document_missing',
      subject: 'bid_win_notice',
    });
  });

  it('verify that a system purchase’s units are subordinate and allocated', () => {
    const unit = (name: string, subordinate: boolean) => ({ name, aliases: [], subordinate });
    const system = direct({
      buyerType: 'system',
      partyName: '中国工商银行浙江省分行',
      accountNames: ['中国工商银行浙江省分行'],
      documents: [
        'visit_record',
        'unified_contract',
        'procurement_list',
        'invoice',
        'registration',
      ],
      vehicles: [
        { ...vehicle('V1', '工行杭州分行'), unit: unit('工行杭州分行', true) },
        { ...vehicle('V2', '农行宁波分行'), unit: unit('农行宁波分行', false) },
      ],
    });
    const checks = runFilingChecks(system);
    expect(failedChecks(checks)).toEqual(['subordinate']);
    expect(checks.find((c) => c.check === 'subordinate')!.problems).toEqual([
      {
        code: 'not_subordinate',
        subject: '农行宁波分行',
        expected: '中国工商银行浙江省分行',
        actual: null,
      },
    ]);
  });

  it('ask registrations of a non-state system only, not of a state organ’s system', () => {
    const unit = { name: '绵阳市公安局', aliases: [], subordinate: true };
    const police = direct({
      buyerType: 'system',
      orgNature: 'organ',
      partyName: '四川省公安厅',
      accountNames: ['四川省公安厅'],
      documents: ['visit_record', 'unified_contract', 'procurement_list', 'invoice'],
      vehicles: [
        { ...vehicle('V1', '绵阳市公安局', null), unit },
        { ...vehicle('V2', '绵阳市公安局', null), unit },
      ],
    });
    // No registrations, no registration document: nothing is missing for a state organ.
    expect(failed(police)).toEqual([]);
    expect(runFilingChecks(police).find((c) => c.check === 'registration_owner')!.pass).toBeNull();
    // The same paperwork from a bank's system (国有企业) misses its registrations.
    for (const orgNature of ['soe', 'institution', 'private', 'other', null] as const) {
      const checks = runFilingChecks({ ...police, orgNature });
      expect(failedChecks(checks), String(orgNature)).toEqual(['evidence', 'vins', 'units']);
      expect(checks.find((c) => c.check === 'evidence')!.problems).toEqual([
        { code: 'document_missing', subject: 'registration', expected: null, actual: null },
      ]);
    }
    // A direct purchase by a state organ still proves itself with registrations.
    expect(failed({ ...police, buyerType: 'direct', partyName: '四川省公安厅' })).toContain('vins');
  });

  it('carry the policy verdict and damaged documents', () => {
    const verdict = {
      eligible: false,
      rules: [{ rule: 'min_units' as const, pass: false, facts: {} }],
    };
    expect(failed(direct({ verdict, damagedDocuments: ['合同.pdf'] }))).toEqual([
      'eligibility',
      'evidence',
    ]);
  });
});
