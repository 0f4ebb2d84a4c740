/**
 * 店内重叠待裁定 (managers): our claims on an organisation a colleague also claims, oldest first;
 * each opens the claim card, whose overlap tab settles who keeps it.
 */
import { ExportOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { chinaDate } from '../../../../shared/dates';
import type { OverlapToSettle } from '../../../../shared/schemas/claims';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';

export function OverlapsToSettle({ items }: { items: OverlapToSettle[] }) {
  const t = useT();
  const { lang } = useLang();
  const { navigate } = useHashRoute();
  const open = (o: OverlapToSettle) => navigate(recordPath('claims', o.id));

  if (items.length === 0)
    return (
      <Empty
        className="md-list__empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<div className="md-list__empty-title">{t('myDay.noOverlaps')}</div>}
      />
    );
  return (
    <div className="md-list" data-count={items.length}>
      {items.map((o) => (
        <div key={o.id} className="md-item" data-testid={`overlap-to-settle-${o.id}`}>
          <div className="md-item__when">
            <span className="md-item__date">{formatDate(chinaDate(o.since), lang)}</span>
            <span className="md-item__soon">{t('myDay.overlapSince')}</span>
          </div>
          <div className="md-item__main">
            <div className="md-item__top">
              <TeamOutlined />
              <button
                type="button"
                className="md-item__title"
                title={o.accountName}
                onClick={() => open(o)}
              >
                {o.accountName}
              </button>
            </div>
            <div className="md-item__sub">
              {t('myDay.overlapClaimant', { name: o.claimantName ?? '—' })}
            </div>
          </div>
          <div className="md-item__actions">
            <Button
              size="small"
              icon={<ExportOutlined />}
              onClick={() => open(o)}
              data-testid={`overlap-to-settle-open-${o.id}`}
            >
              {t('myDay.overlapSettle')}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
