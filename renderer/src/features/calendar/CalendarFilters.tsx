/** The calendar's filters: whose items, which kinds (the checkboxes double as colour legend), done ones. */
import { Button, Checkbox, Select, Switch } from 'antd';
import { DEADLINE_KINDS, type DeadlineKind } from '../../../../shared/sales-enums';
import { useSession } from '../../app/session';
import { useEnumLabel, useT } from '../../i18n/context';
import { ALL_KINDS } from './kinds';
import { kindStyle } from './KindTag';

/** 'me', 'all', or a staff member's id as text. */
export type OwnerChoice = string;

export function OwnerSelect(props: { value: OwnerChoice; onChange: (v: OwnerChoice) => void }) {
  const t = useT();
  const { staff, user } = useSession();
  return (
    <Select<OwnerChoice>
      className="cal-owner"
      value={props.value}
      onChange={props.onChange}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      prefix={<span className="cal-owner__prefix">{t('calendar.owner')}</span>}
      options={[
        { value: 'me', label: t('calendar.ownerMine') },
        { value: 'all', label: t('calendar.ownerAll') },
        ...staff
          .filter((s) => s.id !== user.id)
          .map((s) => ({ value: String(s.id), label: s.name })),
      ]}
      data-testid="calendar-owner"
    />
  );
}

export function ShowDoneSwitch(props: { value: boolean; onChange: (v: boolean) => void }) {
  const t = useT();
  return (
    <label className="cal-switch">
      <Switch
        size="small"
        checked={props.value}
        onChange={props.onChange}
        data-testid="calendar-show-done"
      />
      <span>{t('calendar.showDone')}</span>
    </label>
  );
}

export function KindLegend(props: {
  value: readonly DeadlineKind[];
  onChange: (kinds: DeadlineKind[]) => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const { value, onChange } = props;
  const toggle = (kind: DeadlineKind, on: boolean) =>
    onChange(ALL_KINDS.filter((k) => (k === kind ? on : value.includes(k))));
  return (
    <div className="cal-legend" data-testid="calendar-kinds">
      <span className="cal-legend__label">{t('calendar.kinds')}</span>
      {ALL_KINDS.map((kind) => (
        <Checkbox
          key={kind}
          checked={value.includes(kind)}
          onChange={(e) => toggle(kind, e.target.checked)}
          className="cal-legend__item"
          style={kindStyle(kind)}
        >
          <span className="cal-legend__text" data-testid={`calendar-kind-${kind}`}>
            <span className="cal-legend__swatch" />
            {label(DEADLINE_KINDS, kind)}
          </span>
        </Checkbox>
      ))}
      <Button
        type="link"
        size="small"
        onClick={() => onChange(value.length === ALL_KINDS.length ? [] : [...ALL_KINDS])}
        data-testid="calendar-kinds-toggle"
      >
        {value.length === ALL_KINDS.length ? t('calendar.kindsNone') : t('calendar.kindsAll')}
      </Button>
    </div>
  );
}
