/**
 * The scorecard: the viewer's accounts by weighted score, with the computed class, the segment
 * (价值 / 潜力 / 迁移 / 冰点) and KA qualification with their reasons; a row opens to the score's
 * lines. Segment counts filter the list.
 */
import { Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import {
  type AccountValue,
  type ScorecardResult,
  VALUE_SEGMENTS,
  type ValueSegment,
} from '../../../../shared/schemas/value';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { useReasonText } from './reason-text';

const PAGE = 50;
export const SEGMENT_COLORS: Record<ValueSegment, string> = {
  value: 'green',
  potential: 'blue',
  drifting: 'orange',
  frozen: 'default',
};

export function ScorecardTab() {
  const t = useT();
  const reasonText = useReasonText();
  const [segment, setSegment] = useState<ValueSegment | undefined>(undefined);
  const [kaOnly, setKaOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ScorecardResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('value.scorecard', {
      segment,
      kaOnly,
      offset: (page - 1) * PAGE,
      limit: PAGE,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        setData(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [segment, kaOnly, page]);

  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="value-scorecard"
    >
      <Space wrap>
        {VALUE_SEGMENTS.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={segment === s}
            onChange={(on) => {
              setSegment(on ? s : undefined);
              setPage(1);
            }}
            data-testid={`value-segment-${s}`}
          >
            {t(`segment.${s}`)} {data ? data.segments[s] : ''}
          </Tag.CheckableTag>
        ))}
        <Space size={4}>
          <Switch
            size="small"
            checked={kaOnly}
            onChange={(on) => {
              setKaOnly(on);
              setPage(1);
            }}
          />
          <Typography.Text>{t('value.kaOnly')}</Typography.Text>
        </Space>
      </Space>
      {error && <ErrorAlert error={error} />}
      <Table<AccountValue>
        size="small"
        bordered
        rowKey="id"
        dataSource={data?.rows ?? []}
        loading={!data && !error}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        expandable={{
          expandedRowRender: (v) => (
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              dataSource={v.scoreLines}
              columns={[
                {
                  key: 'line',
                  title: t('value.scoreLine'),
                  render: (_: unknown, l) => reasonText(l),
                },
                { key: 'points', title: t('value.points'), dataIndex: 'points', align: 'right' },
              ]}
            />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('value.account'),
            dataIndex: 'name',
            render: (name: string, v) => <a href={`#/accounts/${v.id}`}>{name}</a>,
          },
          { key: 'score', title: t('value.score'), dataIndex: 'score', align: 'right', width: 90 },
          {
            key: 'abc',
            title: t('value.classCol'),
            width: 110,
            render: (_: unknown, v) => `${v.abc}（${v.grade}）`,
          },
          {
            key: 'segment',
            title: t('value.segment'),
            render: (_: unknown, v) => (
              <Space size={4}>
                <Tag color={SEGMENT_COLORS[v.segment]}>{t(`segment.${v.segment}`)}</Tag>
                <Typography.Text type="secondary">{reasonText(v.segmentReason)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'ka',
            title: t('value.ka'),
            render: (_: unknown, v) => (v.kaReason ? reasonText(v.kaReason) : '—'),
          },
        ]}
      />
    </Space>
  );
}
