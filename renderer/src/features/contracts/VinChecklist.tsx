/** Ticks delivered vehicles by VIN (the ones an invoice covers), with a select-all box. */
import { Checkbox, Empty } from 'antd';
import type { DeliveryRecord } from '../../../../shared/schemas/contracts';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';

export function VinChecklist(props: {
  deliveries: readonly DeliveryRecord[];
  value?: number[];
  onChange?: (ids: number[]) => void;
  testId?: string;
}) {
  const { deliveries, value = [], onChange, testId } = props;
  const t = useT();
  const { lang } = useLang();
  if (deliveries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.noOpenVins')} />;
  const ticked = value.filter((id) => deliveries.some((d) => d.id === id));
  return (
    <div className="con-vins" data-testid={testId}>
      <Checkbox
        checked={ticked.length === deliveries.length}
        indeterminate={ticked.length > 0 && ticked.length < deliveries.length}
        onChange={(e) => onChange?.(e.target.checked ? deliveries.map((d) => d.id) : [])}
        data-testid={testId && `${testId}-all`}
      >
        {t('contracts.allVins', { n: formatCount(deliveries.length, lang) })}
      </Checkbox>
      <Checkbox.Group<number>
        value={ticked}
        onChange={(ids) => onChange?.(ids)}
        options={deliveries.map((d) => ({
          value: d.id,
          label: (
            <span data-testid={`id-vin-${d.vin}`}>
              <span className="mono">{d.vin}</span>
              <span className="con-muted"> · {d.model}</span>
            </span>
          ),
        }))}
      />
    </div>
  );
}
