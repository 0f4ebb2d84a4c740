/** KPI 进度: one card per activity type with a daily target (or logged today), done against target. */
import { CheckCircleFilled } from '@ant-design/icons';
import { Progress } from 'antd';
import type { MyDay } from '../../../../shared/schemas/activities';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/sales-enums';
import { useEnumLabel, useT } from '../../i18n/context';

interface Props {
  kpi: MyDay['kpi'];
  /** Logs an activity of the type (only on one's own day). */
  onLog?: (type: ActivityType) => void;
}

const REACHED = '#52c41a';

export function KpiCards({ kpi, onLog }: Props) {
  const t = useT();
  const label = useEnumLabel();
  if (kpi.length === 0) return <div className="md-kpi-none">{t('myDay.kpiNone')}</div>;
  return (
    <div className="md-kpis">
      {kpi.map(({ type, target, done }) => {
        const reached = target > 0 && done >= target;
        const content = (
          <>
            <div className="md-kpi__label">{label(ACTIVITY_TYPES, type)}</div>
            <div className="md-kpi__count">
              <span className={`md-kpi__done${reached ? ' is-reached' : ''}`}>{done}</span>
              {target > 0 && <span className="md-kpi__target"> / {target}</span>}
            </div>
            {target > 0 ? (
              <Progress
                percent={Math.min(100, Math.round((done / target) * 100))}
                showInfo={false}
                size="small"
                strokeColor={reached ? REACHED : undefined}
              />
            ) : (
              <div className="md-kpi__bar-placeholder" />
            )}
            <div className={`md-kpi__note${reached ? ' is-reached' : ''}`}>
              {target === 0 ? (
                t('myDay.kpiNoTarget')
              ) : reached ? (
                <>
                  <CheckCircleFilled /> {t('myDay.kpiReached')}
                </>
              ) : (
                t('myDay.kpiLeft', { n: target - done })
              )}
            </div>
          </>
        );
        const common = {
          className: `md-kpi${reached ? ' is-reached' : ''}`,
          'data-testid': `kpi-${type}`,
          'data-done': done,
          'data-target': target,
          'data-reached': reached ? 'true' : 'false',
        };
        return onLog ? (
          <button
            key={type}
            type="button"
            {...common}
            title={`${t('myDay.logActivity')} · ${label(ACTIVITY_TYPES, type)}`}
            onClick={() => onLog(type)}
          >
            {content}
          </button>
        ) : (
          <div key={type} {...common}>
            {content}
          </div>
        );
      })}
    </div>
  );
}
