/**
 * GB/T 2260 codes from the names people write: 浙江省 / 浙江, 杭州市 / 杭州, 西湖区, or all of it
 * in one cell (浙江省杭州市西湖区, 浙江 杭州). A city alone finds its province.
 */
import { REGION_TREE, type RegionNode } from '../regions';
import { cleanText } from '../text';

export interface RegionCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
}

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

export function regionFromText(text: string): RegionCodes | null {
  let rest = compact(text);
  if (!rest) return null;
  const codes: RegionCodes = { provinceCode: null, cityCode: null, districtCode: null };
  let province = prefixMatch(REGION_TREE, rest);
  if (!province) {
    // A city or district without its province: search every province.
    for (const p of REGION_TREE) {
      const city = prefixMatch(p.children ?? [], rest);
      if (city && city.node.name !== '市辖区') {
        province = { node: p, rest };
        break;
      }
    }
    if (!province) return null;
  }
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
