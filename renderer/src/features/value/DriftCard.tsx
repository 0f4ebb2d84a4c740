/** 我的今天: the owner's accounts drifting away (迁移), each with its reason; hidden when none. */
import { Card, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountValue } from '../../../../shared/schemas/value';
import { call } from '../../api/client';
import { useT } from '../../i18n/context';
import { useReasonText } from './reason-text';

export function DriftCard() {
  const t = useT();
  const reasonText = useReasonText();
  const [rows, setRows] = useState<AccountValue[]>([]);

  useEffect(() => {
    let live = true;
    void call('value.drift', {}).then((r) => {
      if (live && r.ok) setRows(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, []);

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
