/** 阶段历史: every stage change, newest first: when, who, from → to, what caused it, the note. */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Table } from 'antd';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import { useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { systemNoteText } from '../../i18n/system-notes';
import { formatDateTime } from '../../lib/format';
import { StageTag } from './StageTag';

type Change = OpportunityDetail['stageHistory'][number] & { key: number };

const CAUSE_KEYS: Record<Change['cause'], MessageKey> = {
  manual: 'opp.cause.manual',
  tender: 'opp.cause.tender',
  contract: 'opp.cause.contract',
};

export function StageHistoryTab({ detail }: { detail: OpportunityDetail }) {
  const t = useT();
  const { lang } = useLang();
  const rows = detail.stageHistory.map((h, key) => ({ ...h, key })).reverse();
  return (
    <Table<Change>
      size="small"
      pagination={false}
      className="history-table"
      dataSource={rows}
      locale={{ emptyText: t('opp.stagesEmpty') }}
      data-testid="opp-stage-history"
      columns={[
        {
          key: 'at',
          title: t('history.at'),
          width: 170,
          render: (_, h) => <span className="cell-date">{formatDateTime(h.at, lang)}</span>,
        },
        {
          key: 'who',
          title: t('history.who'),
          width: 100,
          render: (_, h) => h.actor?.name ?? t('history.system'),
        },
        {
          key: 'change',
          title: t('opp.stageChange'),
          width: 220,
          render: (_, h) => (
            <span className="opp-stage-change">
              {h.from ? (
                <StageTag stage={h.from} />
              ) : (
                <span className="opp-muted">{t('opp.stageNew')}</span>
              )}
              <ArrowRightOutlined className="opp-muted" />
              <StageTag stage={h.to} />
            </span>
          ),
        },
        {
          key: 'cause',
          title: t('opp.cause'),
          width: 130,
          render: (_, h) => t(CAUSE_KEYS[h.cause]),
        },
        {
          key: 'note',
          title: t('opp.stageNote'),
          render: (_, h) =>
            h.systemNote || h.note ? (
              <>
                {h.systemNote && (
                  <div data-testid="opp-stage-system-note">
                    {systemNoteText(h.systemNote, lang)}
                  </div>
                )}
                {h.note && <div className="pre-wrap">{h.note}</div>}
              </>
            ) : (
              <span className="cell-empty">—</span>
            ),
        },
      ]}
    />
  );
}
