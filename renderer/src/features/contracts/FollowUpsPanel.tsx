/** 交车回访: after-delivery follow-ups across contracts, open ones first by due date. */
import { Segmented, Table } from 'antd';
import { useEffect, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { FollowUp } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { followUpColumns } from './follow-up-columns';
import { FollowUpDoneDialog } from './FollowUpDoneDialog';

type State = 'open' | 'done' | 'all';
type Whose = 'mine' | 'all';
const PAGE_SIZE = 50;

export function FollowUpsPanel({
  revision,
  onChanged,
}: {
  revision: number;
  onChanged: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const [state, setState] = useState<State>('open');
  // Specialists follow up their own customers; managers look at the whole team.
  const [whose, setWhose] = useState<Whose>(user.role === 'specialist' ? 'mine' : 'all');
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const ownerId = whose === 'mine' ? user.id : null;
  const key = JSON.stringify([state, ownerId, page, revision]);
  const [loaded, setLoaded] = useState<{
    key: string;
    data: { rows: FollowUp[]; total: number } | null;
    error: ApiError | null;
  } | null>(null);

  useEffect(() => {
    let live = true;
    void call('followUps.list', {
      state,
      ownerId,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }).then((r) => {
      if (!live) return;
      // Keep the rows shown while a refused reload's error is shown.
      setLoaded((prev) => ({
        key,
        data: r.ok ? r.value : (prev?.data ?? null),
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [state, ownerId, page, key]);
  const data = loaded?.data ?? null;
  const error = loaded?.error ?? null;
  const loading = loaded?.key !== key;

  return (
    <div className="con-follow-ups" data-testid="follow-ups-panel">
      <div className="tab-toolbar">
        <Segmented<State>
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[
            { value: 'open', label: t('contracts.followUpsOpen') },
            { value: 'done', label: t('contracts.followUpsDone') },
            { value: 'all', label: t('contracts.followUpsAll') },
          ]}
          data-testid="follow-ups-state"
        />
        <Segmented<Whose>
          value={whose}
          onChange={(v) => {
            setWhose(v);
            setPage(1);
          }}
          options={[
            { value: 'mine', label: t('contracts.followUpsMine') },
            { value: 'all', label: t('contracts.followUpsEveryone') },
          ]}
          data-testid="follow-ups-owner"
        />
        <span className="dg-toolbar__spacer" />
        {data && (
          <span className="con-muted">
            {t('contracts.followUpsTotal', { n: formatCount(data.total, lang) })}
          </span>
        )}
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<FollowUp>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('contracts.followUpsEmpty') }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        data-testid="follow-ups-table"
        onRow={(f) => ({ className: 'con-row', ...testId(`follow-up-row-${f.id}`) })}
        columns={followUpColumns({
          t,
          lang,
          today: chinaDate(),
          withContract: true,
          onDone: setRecording,
        })}
      />
      {recording && (
        <FollowUpDoneDialog
          followUp={recording}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
