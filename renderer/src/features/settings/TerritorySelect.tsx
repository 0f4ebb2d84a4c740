/**
 * Our territory (辖区) as provinces and cities: a province stands for everything in it, so once
 * all its cities are ticked the choice collapses to the province.
 */
import { Cascader } from 'antd';
import { REGION_TREE, type RegionNode, regionLevel } from '../../../../shared/regions';
import { useT } from '../../i18n/context';

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

// Provinces and their cities; districts are finer than a dealer's territory.
const OPTIONS: RegionOption[] = REGION_TREE.map((p: RegionNode) => ({
  value: p.code,
  label: p.name,
  children: p.children?.map((c) => ({ value: c.code, label: c.name })),
}));

/** GB/T 2260: a city's first two digits are its province's, a district's first four its city's. */
function pathOf(code: string): string[] {
  const province = `${code.slice(0, 2)}0000`;
  switch (regionLevel(code)) {
    case 2:
      return [province, code];
    case 3:
      return [province, `${code.slice(0, 4)}00`, code];
    default:
      return [code];
  }
}

export function TerritorySelect(props: {
  value?: string[];
  onChange?: (codes: string[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <Cascader<RegionOption, 'value'>
      multiple
      options={OPTIONS}
      value={(props.value ?? []).map(pathOf)}
      onChange={(paths) =>
        props.onChange?.([...new Set(paths.map((p) => String(p[p.length - 1])))])
      }
      showCheckedStrategy={Cascader.SHOW_PARENT}
      showSearch={{
        filter: (input, path) => path.some((o) => o.label.includes(input.trim())),
        limit: 50,
      }}
      maxTagCount={40}
      disabled={props.disabled}
      placeholder={t('settings.territoryPlaceholder')}
      data-testid="territory"
    />
  );
}
