/** Picks an active staff member (owners, KPI targets), from the session's staff list. */
import { Select } from 'antd';
import { useSession } from '../app/session';
import { useT } from '../i18n/context';

export function StaffSelect(props: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
}) {
  const t = useT();
  const { staff } = useSession();
  return (
    <Select<number | null>
      allowClear={props.allowClear ?? true}
      showSearch={{ optionFilterProp: 'label' }}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={staff.map((s) => ({ value: s.id, label: s.name }))}
      placeholder={props.placeholder ?? t('common.choose')}
      data-testid={props.testId}
    />
  );
}
