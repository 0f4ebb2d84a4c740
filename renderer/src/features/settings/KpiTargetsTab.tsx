/**
 * KPI 目标: daily activity targets per type. The defaults apply to everyone without their own
 * set; a staff member's own set replaces the defaults entirely (a type left empty has no target).
 */
import { App, Alert, Button, Form, InputNumber, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  ACTIVITY_TYPE_VALUES,
  ACTIVITY_TYPES,
  type ActivityType,
} from '../../../../shared/sales-enums';
import type { KpiTargets } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StaffSelect } from '../../components/StaffSelect';
import { useEnumLabel, useT } from '../../i18n/context';

type Targets = KpiTargets['defaults'];
type Values = Partial<Record<ActivityType, number | null>>;

/** Empty fields have no target: they are left out of what is saved. */
function targetsOf(values: Values): Targets {
  const out: Targets = {};
  for (const type of ACTIVITY_TYPE_VALUES) {
    const n = values[type];
    if (n !== null && n !== undefined) out[type] = n;
  }
  return out;
}

/** The targets to show for a choice: the defaults, or the staff member's own set if any. */
function shownFor(all: KpiTargets, staffId: number | null): Targets {
  if (staffId === null) return all.defaults;
  return all.perStaff.find((p) => p.staffId === staffId)?.targets ?? all.defaults;
}

/** Every type, so switching staff clears what the previous one had. */
function valuesFor(targets: Targets): Values {
  return Object.fromEntries(ACTIVITY_TYPE_VALUES.map((type) => [type, targets[type] ?? null]));
}

export function KpiTargetsTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const { staff } = useSession();
  const [form] = Form.useForm<Values>();
  const [all, setAll] = useState<KpiTargets | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void call('kpi.targets', {}).then((r) => {
      if (!live) return;
      if (r.ok) setAll(r.value);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const own = all && staffId !== null ? all.perStaff.find((p) => p.staffId === staffId) : undefined;

  // A staff member without their own set starts from the defaults.
  const choose = (id: number | null) => {
    setStaffId(id);
    if (all) form.setFieldsValue(valuesFor(shownFor(all, id)));
  };
  const nameOf = (id: number) => staff.find((s) => s.id === id)?.name ?? `#${id}`;

  const store = async (targets: Targets, done: string) => {
    setSaving(true);
    const r = await call('kpi.setTargets', { staffId, targets });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setAll(r.value);
    form.setFieldsValue(valuesFor(shownFor(r.value, staffId)));
    void message.success(done);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) await store(targetsOf(v), t('settings.saved'));
  };

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!all) return null;

  return (
    <div className="set-panel" data-testid="kpi-tab">
      <p className="set-muted">{t('settings.kpiIntro')}</p>
      <div className="set-kpi-who">
        <span>{t('settings.kpiFor')}</span>
        <div className="set-kpi-staff">
          <StaffSelect
            value={staffId}
            onChange={choose}
            placeholder={t('settings.kpiDefaults')}
            testId="kpi-staff"
          />
        </div>
        {all.perStaff.length > 0 && (
          <span className="set-muted">
            {t('settings.kpiOwnSets')}{' '}
            {all.perStaff.map((p) => (
              <Tag
                key={p.staffId}
                className="set-clickable"
                color={p.staffId === staffId ? 'blue' : undefined}
                onClick={() => choose(p.staffId)}
              >
                {nameOf(p.staffId)}
              </Tag>
            ))}
          </span>
        )}
      </div>
      {staffId !== null && !own && (
        <Alert
          type="info"
          showIcon
          className="gap-bottom"
          title={t('settings.kpiUsesDefaults', { name: nameOf(staffId) })}
        />
      )}
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <KpiForm
        form={form}
        initial={valuesFor(shownFor(all, staffId))}
        disabled={!canEdit}
        unit={t('settings.perDay')}
        labelOf={(type) => label(ACTIVITY_TYPES, type)}
      />
      {canEdit && (
        <Space>
          <Button
            type="primary"
            loading={saving}
            onClick={() => void submit()}
            data-testid="kpi-save"
          >
            {t('common.save')}
          </Button>
          {own && (
            <Button
              onClick={() =>
                void store({}, t('settings.kpiCleared', { name: nameOf(own.staffId) }))
              }
              data-testid="kpi-clear"
            >
              {t('settings.kpiClear')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

function KpiForm(props: {
  form: ReturnType<typeof Form.useForm<Values>>[0];
  initial: Values;
  disabled: boolean;
  unit: string;
  labelOf: (type: ActivityType) => string;
}) {
  const { form, initial, disabled, unit, labelOf } = props;
  return (
    <Form<Values> form={form} disabled={disabled} initialValues={initial} className="set-kpi">
      {ACTIVITY_TYPE_VALUES.map((type) => (
        <div key={type} className="set-kpi__row">
          <span className="set-kpi__name">{labelOf(type)}</span>
          <Form.Item name={type}>
            <InputNumber<number>
              min={0}
              max={1000}
              precision={0}
              suffix={unit}
              className="set-kpi__input"
              data-testid={`kpi-${type}`}
            />
          </Form.Item>
        </div>
      ))}
    </Form>
  );
}
