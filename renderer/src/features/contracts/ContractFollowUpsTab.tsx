/** 回访: the follow-ups this contract's deliveries scheduled (7 and 30 days by default). */
import { Table, Typography } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ContractDetail, FollowUp } from '../../../../shared/schemas/contracts';
import { useLang, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { followUpColumns } from './follow-up-columns';
import { FollowUpDoneDialog } from './FollowUpDoneDialog';

export function ContractFollowUpsTab(props: { detail: ContractDetail; onChanged: () => void }) {
  const { detail, onChanged } = props;
  const t = useT();
  const { lang } = useLang();
  const [recording, setRecording] = useState<FollowUp | null>(null);
  return (
    <div data-testid="contract-follow-ups-tab">
      <Typography.Paragraph type="secondary" className="tab-toolbar__note">
        {t('contracts.followUpsNote')}
      </Typography.Paragraph>
      <Table<FollowUp>
        size="small"
        rowKey="id"
        dataSource={detail.followUps}
        pagination={false}
        locale={{ emptyText: t('contracts.followUpsEmptyContract') }}
        data-testid="contract-follow-ups-table"
        onRow={(f) => ({ className: 'con-row', ...testId(`follow-up-row-${f.id}`) })}
        columns={followUpColumns({
          t,
          lang,
          today: chinaDate(),
          withContract: false,
          onDone: setRecording,
        })}
      />
      {recording && (
        <FollowUpDoneDialog
          followUp={recording}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            // Completing answers with the follow-up only: reload the contract.
            onChanged();
          }}
        />
      )}
    </div>
  );
}
