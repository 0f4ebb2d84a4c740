/**
 * Province → city → district picker over GB/T 2260; any level may be the last one chosen. Typing
 * searches the names, and also reads the text as an import does (shared/import/region-text):
 * 宜兴市 or 江苏宜兴 finds 江苏省 / 无锡市 / 宜兴市, 朝阳区 offers both places of that name.
 */
import { Cascader } from 'antd';
import { matchRegion } from '../../../../shared/import/region-text';
import { REGION_TREE, regionCode, type RegionNode } from '../../../../shared/regions';
import { useT } from '../../i18n/context';

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

function toOptions(nodes: readonly RegionNode[]): RegionOption[] {
  return nodes.map((n) =>
    n.children
      ? { value: n.code, label: n.name, children: toOptions(n.children) }
      : { value: n.code, label: n.name },
  );
}

const OPTIONS = toOptions(REGION_TREE);

// The filter runs once per option path for one input: read the text once.
let resolved: { text: string; codes: ReadonlySet<string> } = { text: '', codes: new Set() };

function codesNamedBy(text: string): ReadonlySet<string> {
  if (resolved.text !== text) {
    const match = matchRegion(text);
    const found =
      match.kind === 'found' ? [match.codes] : match.kind === 'ambiguous' ? match.candidates : [];
    resolved = {
      text,
      codes: new Set(found.map(regionCode).filter((c): c is string => c !== null)),
    };
  }
  return resolved.codes;
}

export function regionPathMatches(input: string, path: readonly RegionOption[]): boolean {
  const text = input.trim();
  if (!text) return false;
  if (path.some((o) => o.label.includes(text))) return true;
  const last = path[path.length - 1];
  return last !== undefined && codesNamedBy(text).has(last.value);
}

export function RegionCascader(props: { value?: string[]; onChange?: (value: string[]) => void }) {
  const t = useT();
  return (
    <Cascader<RegionOption>
      options={OPTIONS}
      value={props.value}
      onChange={(v) => props.onChange?.((v ?? []).map(String))}
      changeOnSelect
      allowClear
      showSearch={{ filter: regionPathMatches, limit: 50 }}
      placeholder={t('accountForm.regionPlaceholder')}
      data-testid="af-region"
    />
  );
}
