/** Province → city → district picker over GB/T 2260; any level may be the last one chosen. */
import { Cascader } from 'antd';
import { REGION_TREE, type RegionNode } from '../../../../shared/regions';
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

export function RegionCascader(props: { value?: string[]; onChange?: (value: string[]) => void }) {
  const t = useT();
  return (
    <Cascader<RegionOption>
      options={OPTIONS}
      value={props.value}
      onChange={(v) => props.onChange?.((v ?? []).map(String))}
      changeOnSelect
      allowClear
      showSearch={{
        filter: (input, path) => path.some((o) => o.label.includes(input.trim())),
        limit: 50,
      }}
      placeholder={t('accountForm.regionPlaceholder')}
      data-testid="af-region"
    />
  );
}
