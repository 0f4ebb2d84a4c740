/**
 * Suggesting an organisation's nature (单位性质) from what the registry already knows, for a person
 * to confirm. The USCC says it best: its first character is the registration authority and the
 * second the organisation type (GB 32100-2015): 1+1 = 机关, 1+2 = 事业单位, 9+1 = 企业, 9+2 =
 * 个体工商户, 5x = 社会组织. Whether an enterprise is state-owned the code cannot say: the industry
 * decides, then the name. Without a USCC the industry, then the name's ending, suggest.
 */
import { type Industry, type OrgNature } from './enums';
import { normalizeUscc } from './uscc';

/** What a suggestion rests on, so the form can say why (“根据统一社会信用代码”). */
export type OrgNatureBasis = 'uscc' | 'industry' | 'name';

interface OrgNatureSuggestion {
  nature: OrgNature;
  basis: OrgNatureBasis;
}

const ORGAN_INDUSTRIES: readonly Industry[] = [
  'party_government',
  'public_security',
  'customs',
  'tax',
  'armed_police',
  'army',
  'procurement_dept',
];
const INSTITUTION_INDUSTRIES: readonly Industry[] = ['education', 'healthcare'];
/** Industries of the national systems whose enterprises are state-owned (oil, banks, power …). */
const SOE_INDUSTRIES: readonly Industry[] = [
  'banking',
  'telecom',
  'post',
  'oil',
  'water',
  'power',
  'aviation',
  'railway',
  'state_enterprise',
];
const PRIVATE_INDUSTRIES: readonly Industry[] = ['private_enterprise', 'foreign_enterprise'];

function fromIndustry(industry: Industry | null, enterprise: boolean): OrgNature | null {
  if (industry === null) return null;
  if (!enterprise && ORGAN_INDUSTRIES.includes(industry)) return 'organ';
  if (!enterprise && INSTITUTION_INDUSTRIES.includes(industry)) return 'institution';
  if (SOE_INDUSTRIES.includes(industry)) return 'soe';
  if (PRIVATE_INDUSTRIES.includes(industry)) return 'private';
  return null;
}

// Endings of state organs' names (…公安局, …税务局, …人民法院, …党委办公室, …支队) and of
// institutions' (…中学, …医院, …研究所). Names are checked last: they only break ties.
const ORGAN_NAME =
  /(人民政府|人民法院|人民检察院|委员会|办公室|办公厅|局|厅|海关|支队|大队|派出所|武装部|监狱|看守所)$/u;
const INSTITUTION_NAME = /(学校|大学|学院|中学|小学|幼儿园|医院|卫生院|研究院|研究所|中心|馆|站)$/u;
const ENTERPRISE_NAME = /(有限公司|有限责任公司|股份公司|集团|公司|厂|合作社)$/u;

function fromName(name: string): OrgNature | null {
  const n = name
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]$/u, '')
    .trim();
  if (ENTERPRISE_NAME.test(n)) return null;
  if (ORGAN_NAME.test(n)) return 'organ';
  if (INSTITUTION_NAME.test(n)) return 'institution';
  return null;
}

export function suggestOrgNature(org: {
  uscc: string | null;
  industry: Industry | null;
  name: string;
}): OrgNatureSuggestion | null {
  const code = org.uscc ? normalizeUscc(org.uscc) : '';
  if (code.length === 18) {
    const [authority, type] = [code.charAt(0), code.charAt(1)];
    if (authority === '1' && type === '1') return { nature: 'organ', basis: 'uscc' };
    if (authority === '1' && type === '2') return { nature: 'institution', basis: 'uscc' };
    if (authority === '9') {
      if (type === '2') return { nature: 'private', basis: 'uscc' };
      if (type === '1') {
        const nature = fromIndustry(org.industry, true);
        return nature ? { nature, basis: 'industry' } : null;
      }
    }
    // Social organisations, mass organisations, law firms, religious bodies …
    return { nature: 'other', basis: 'uscc' };
  }
  const byIndustry = fromIndustry(org.industry, false);
  if (byIndustry) return { nature: byIndustry, basis: 'industry' };
  const byName = fromName(org.name);
  return byName ? { nature: byName, basis: 'name' } : null;
}

/**
 * The stored pair for an account: a person's choice is kept and marked confirmed; without one the
 * suggestion is stored, unconfirmed (null when nothing suggests anything).
 */
export function orgNatureColumns(
  chosen: OrgNature | null,
  org: { uscc: string | null; industry: Industry | null; name: string },
): { org_nature: OrgNature | null; org_nature_confirmed: 0 | 1 } {
  if (chosen !== null) return { org_nature: chosen, org_nature_confirmed: 1 };
  return { org_nature: suggestOrgNature(org)?.nature ?? null, org_nature_confirmed: 0 };
}
