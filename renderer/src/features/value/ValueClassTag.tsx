/** The accounts grid's Pareto drill-down filter, shown as a closable tag above the grid. */
import { Tag } from 'antd';
import type { ValueClassFilter } from '../../../../shared/schemas/value';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';

export function ValueClassTag({
  filter,
  onClear,
}: {
  filter: ValueClassFilter;
  onClear: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Tag
      closable
      color="blue"
      onClose={onClear}
      data-testid="value-class-filter"
      style={{ marginInlineEnd: 8, paddingBlock: 4 }}
    >
      {t('value.filterTag', {
        classes: filter.classes.join(lang === 'en' ? ', ' : '、'),
        basis: t(`value.basis.${filter.basis}`),
        from: formatDate(filter.from, lang),
        to: formatDate(filter.to, lang),
      })}
    </Tag>
  );
}
