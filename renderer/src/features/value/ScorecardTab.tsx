/**
 * The scorecard: the viewer's accounts by weighted score, with the computed class, the segment
 * (价值 / 潜力 / 迁移 / 冰点) and KA qualification with their reasons; a row opens to the score's
 * lines. Segment counts filter the list.
 */
import { Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type AccountValue,
  VALUE_SEGMENTS,
  type ValueSegment,
} from '../../../../shared/schemas/value';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { useReasonText } from './reason-text';
import { ScoreLines } from './ScoreLines';
import { useValueQuery } from './use-value-query';

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

  const { data, error } = useValueQuery('value.scorecard', {
    segment,
    kaOnly,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });

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
          expandedRowRender: (v) => <ScoreLines lines={v.scoreLines} />,
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
