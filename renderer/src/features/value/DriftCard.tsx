/** 我的今天: the owner's accounts drifting away (迁移), each with its reason; hidden when none. */
import { Card, List, Tag } from 'antd';
import { useT } from '../../i18n/context';
import { useReasonText } from './reason-text';
import { useValueQuery } from './use-value-query';

export function DriftCard() {
  const t = useT();
  const reasonText = useReasonText();

  const rows = useValueQuery('value.drift', {}).data?.rows ?? [];

  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('value.driftTitle')} data-testid="my-day-drift">
      <List
        size="small"
        dataSource={rows}
        renderItem={(v) => (
          <List.Item>
            <a href={`#/accounts/${v.id}`}>{v.name}</a>
            <span>
              <Tag color="orange">{t('segment.drifting')}</Tag>
              {reasonText(v.segmentReason)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
