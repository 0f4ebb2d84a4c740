/** A claim's territory as the region cascader holds it: the path province → city → district. */
import { regionLevel, regionName } from '../../../../shared/regions';

export function regionPath(code: string | null): string[] {
  if (!code) return [];
  const level = regionLevel(code);
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (level === 1) return [province];
  if (level === 2) return [province, code];
  if (level === 3) return [province, city, code];
  return [code];
}

/** The last (most precise) code of a cascader path. */
export function codeOf(path: readonly string[] | undefined): string | null {
  return path && path.length > 0 ? path[path.length - 1]! : null;
}

/** 北京市 / 朝阳区, skipping the meaningless 市辖区 level. */
export function pathLabel(path: readonly string[]): string {
  return path
    .map(regionName)
    .filter((n) => n && n !== '市辖区' && n !== '县')
    .join(' / ');
}

/** A claim's territory in words: 北京市 / 朝阳区; the backend's name for a code not in the tree. */
export function territoryLabel(code: string | null, name: string): string {
  return (code && pathLabel(regionPath(code))) || name;
}
