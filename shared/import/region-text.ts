/**
 * GB/T 2260 codes from the names people write: 浙江省 / 浙江, 杭州市 / 杭州, 西湖区, or all of it
 * in one cell (浙江省杭州市西湖区, 浙江 杭州). A city alone finds its province; a county or
 * county-level city alone (宜兴市, 义乌市) or under its province only (江苏省宜兴市) finds its city
 * and province — unless several places have that name (朝阳区, 鼓楼区), which is said, not guessed.
 */
import { REGION_TREE, type RegionCodes, type RegionNode } from '../regions';
import { cleanText } from '../text';

export type { RegionCodes } from '../regions';

type RegionMatch =
  | { kind: 'found'; codes: RegionCodes }
  | { kind: 'ambiguous'; candidates: RegionCodes[] }
  | { kind: 'unknown' };

const SUFFIX =
  /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟|区|县|旗)$/;

function shortName(name: string): string {
  const s = name.replace(SUFFIX, '');
  return s.length >= 2 ? s : name;
}

const compact = (text: string) => cleanText(text).replace(/[\s,，/、-]/g, '');

/** The child whose full or short name starts `text`, longest name first. */
function prefixMatch(
  nodes: readonly RegionNode[],
  text: string,
): { node: RegionNode; rest: string } | null {
  let best: { node: RegionNode; rest: string; length: number } | null = null;
  for (const node of nodes)
    for (const name of [node.name, shortName(node.name)])
      if (text.startsWith(name) && (!best || name.length > best.length))
        best = { node, rest: text.slice(name.length), length: name.length };
  return best;
}

// 市辖区 and 县 are grouping levels of the municipalities, not names anyone writes.
const cityLevel = (province: RegionNode): RegionNode[] =>
  (province.children ?? []).flatMap((c) =>
    c.name === '市辖区' || c.name === '县'
      ? (c.children ?? []).map((d) => ({ ...d, parent: c }))
      : [c],
  );

/** The region a text names, or null when it names none or several (see matchRegion). */
export function regionFromText(text: string): RegionCodes | null {
  const match = matchRegion(text);
  return match.kind === 'found' ? match.codes : null;
}

// An import meets the same few hundred region texts again and again (342 distinct ones in a
// 100,000-row list): each is matched once. Results are frozen, as they are shared.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, RegionMatch>();

export function matchRegion(text: string): RegionMatch {
  let match = memo.get(text);
  if (!match) {
    match = deepFreeze(matchText(text));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, match);
  }
  return match;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function matchText(text: string): RegionMatch {
  const compacted = compact(text);
  if (!compacted) return { kind: 'unknown' };
  const codes = fromHierarchy(compacted);
  if (codes) return { kind: 'found', codes };
  return countyAlone(compacted);
}

interface County {
  node: RegionNode;
  codes: RegionCodes;
}

let countyList: County[] | null = null;

/** Every county-level division (区, 县, 县级市, 旗), with its city and province. */
function counties(): County[] {
  if (countyList) return countyList;
  countyList = [];
  for (const p of REGION_TREE)
    for (const c of p.children ?? [])
      for (const d of c.children ?? [])
        countyList.push({
          node: d,
          codes: { provinceCode: p.code, cityCode: c.code, districtCode: d.code },
        });
  return countyList;
}

/** Counties named exactly `name` (full name first; the short name only when no full name is). */
function countiesNamed(name: string, provinceCode: string | null): RegionCodes[] {
  const scope = counties().filter((c) => !provinceCode || c.codes.provinceCode === provinceCode);
  const full = scope.filter((c) => c.node.name === name);
  const found = full.length > 0 ? full : scope.filter((c) => shortName(c.node.name) === name);
  return found.map((c) => c.codes);
}

function countyAlone(text: string): RegionMatch {
  const province = prefixMatch(REGION_TREE, text);
  let found = province?.rest ? countiesNamed(province.rest, province.node.code) : [];
  if (found.length === 0) found = countiesNamed(text, null);
  if (found.length === 1) return { kind: 'found', codes: found[0]! };
  return found.length > 1 ? { kind: 'ambiguous', candidates: found } : { kind: 'unknown' };
}

function fromHierarchy(compacted: string): RegionCodes | null {
  const province = prefixMatch(REGION_TREE, compacted);
  const found = province ? underProvince(province) : null;
  if (found) return found;
  // A city without its province (吉林市 too, which starts like 吉林省): search every province.
  for (const p of REGION_TREE) {
    const city = prefixMatch(p.children ?? [], compacted);
    if (city && city.node.name !== '市辖区') return underProvince({ node: p, rest: compacted });
  }
  return null;
}

function underProvince(province: { node: RegionNode; rest: string }): RegionCodes | null {
  let rest: string;
  const codes: RegionCodes = { provinceCode: null, cityCode: null, districtCode: null };
  codes.provinceCode = province.node.code;
  rest = province.rest;
  if (!rest) return codes;
  const municipality = (province.node.children ?? []).some((c) => c.name === '市辖区');
  if (municipality) {
    // 北京市 市辖区 (as the city column of an export says it): the grouping level, written out.
    const grouping = (province.node.children ?? []).find((c) => rest.startsWith(c.name));
    if (grouping) {
      codes.cityCode = grouping.code;
      rest = rest.slice(grouping.name.length);
      if (!rest) return codes;
      const district = prefixMatch(grouping.children ?? [], rest);
      if (!district || district.rest) return null;
      codes.districtCode = district.node.code;
      return codes;
    }
    // 北京市朝阳区: the district sits under 市辖区.
    const district = prefixMatch(cityLevel(province.node), rest) as {
      node: RegionNode & { parent?: RegionNode };
      rest: string;
    } | null;
    if (!district) return null;
    codes.cityCode = district.node.parent?.code ?? null;
    codes.districtCode = district.node.code;
    return district.rest ? null : codes;
  }
  const city = prefixMatch(province.node.children ?? [], rest);
  if (!city) return null;
  codes.cityCode = city.node.code;
  if (!city.rest) return codes;
  const district = prefixMatch(city.node.children ?? [], city.rest);
  if (!district || district.rest) return null;
  codes.districtCode = district.node.code;
  return codes;
}
