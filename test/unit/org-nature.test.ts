/** Suggesting an organisation's nature from its USCC, industry and name (shared/org-nature.ts). */
import { describe, expect, it } from 'vitest';
import { orgNatureColumns, suggestOrgNature } from '../../shared/org-nature';
import { newUscc } from '../helpers/fixtures';

const org = (
  uscc: string | null,
  industry: Parameters<typeof suggestOrgNature>[0]['industry'],
  name = '某单位',
) => ({
  uscc,
  industry,
  name,
});

describe('suggestOrgNature', () => {
  it('reads the USCC’s registration authority and type first: 1+1 机关, 1+2 事业单位', () => {
    expect(suggestOrgNature(org(newUscc('11'), 'banking'))).toEqual({
      nature: 'organ',
      basis: 'uscc',
    });
    expect(suggestOrgNature(org(newUscc('12'), null))).toEqual({
      nature: 'institution',
      basis: 'uscc',
    });
    // Full-width and lower case as people paste them.
    expect(suggestOrgNature(org('１１' + newUscc('11').slice(2).toLowerCase(), null))?.nature).toBe(
      'organ',
    );
  });

  it('lets the industry tell a state-owned enterprise from a private one (9+1), never an organ', () => {
    expect(suggestOrgNature(org(newUscc('91'), 'oil'))).toEqual({
      nature: 'soe',
      basis: 'industry',
    });
    expect(suggestOrgNature(org(newUscc('91'), 'private_enterprise'))?.nature).toBe('private');
    expect(suggestOrgNature(org(newUscc('91'), 'public_security'))).toBeNull();
    expect(suggestOrgNature(org(newUscc('91'), null))).toBeNull();
    expect(suggestOrgNature(org(newUscc('92'), null))).toEqual({
      nature: 'private',
      basis: 'uscc',
    });
    expect(suggestOrgNature(org(newUscc('51'), null))).toEqual({ nature: 'other', basis: 'uscc' });
  });

  it('without a USCC: the industry, then the name’s ending', () => {
    expect(suggestOrgNature(org(null, 'tax'))).toEqual({ nature: 'organ', basis: 'industry' });
    expect(suggestOrgNature(org(null, 'healthcare'))?.nature).toBe('institution');
    expect(suggestOrgNature(org(null, null, '四川省公安厅'))).toEqual({
      nature: 'organ',
      basis: 'name',
    });
    expect(suggestOrgNature(org(null, null, '杭州市人民检察院'))?.nature).toBe('organ');
    expect(suggestOrgNature(org(null, null, '浙江大学医学院附属第一医院'))?.nature).toBe(
      'institution',
    );
    expect(suggestOrgNature(org(null, null, '杭州市城市建设投资集团有限公司'))).toBeNull();
    expect(suggestOrgNature(org(null, null, '某某协会'))).toBeNull();
  });

  it('keeps a person’s choice confirmed, and stores a suggestion unconfirmed', () => {
    expect(orgNatureColumns('soe', org(newUscc('11'), null))).toEqual({
      org_nature: 'soe',
      org_nature_confirmed: 1,
    });
    expect(orgNatureColumns(null, org(newUscc('11'), null))).toEqual({
      org_nature: 'organ',
      org_nature_confirmed: 0,
    });
    expect(orgNatureColumns(null, org(null, null, '某某协会'))).toEqual({
      org_nature: null,
      org_nature_confirmed: 0,
    });
  });
});
