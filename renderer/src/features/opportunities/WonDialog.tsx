/**
 * 赢单: won needs one of the opportunity's final contracts. The dialog lists them; without one it
 * says so and offers nothing to confirm.
 */
import { Alert, Button, Modal, Radio, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { formatFen } from '../../../../shared/values/money';

type Contract = OpportunityDetail['contracts'][number];

interface Loaded {
  contracts: Contract[] | null;
  error: ApiError | null;
}

export function WonDialog(props: {
  opportunityId: number;
  title: string;
  onCancel: () => void;
  onSubmit: (contractId: number) => Promise<ApiError | null>;
}) {
  const { opportunityId, title, onCancel, onSubmit } = props;
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('opportunities.get', { id: opportunityId }).then((r) => {
      if (!live) return;
      setLoaded(
        r.ok
          ? { contracts: r.value.contracts.filter((c) => c.status === 'final'), error: null }
          : { contracts: null, error: r.error },
      );
    });
    return () => {
      live = false;
    };
  }, [opportunityId]);

  const finals = loaded?.contracts ?? [];
  // One final contract is the obvious choice; with several the user picks.
  const contractId = chosen ?? (finals.length === 1 ? (finals[0]?.id ?? null) : null);

  const submit = async () => {
    if (contractId === null) return;
    setSaving(true);
    setError(await onSubmit(contractId));
    setSaving(false);
  };

  const body = !loaded ? (
    <div className="center-pad">
      <Spin />
    </div>
  ) : loaded.error ? (
    <ErrorAlert error={loaded.error} />
  ) : finals.length === 0 ? (
    <Alert type="warning" showIcon title={t('opp.wonNoContract')} data-testid="won-no-contract" />
  ) : (
    <>
      <p>{t('opp.wonIntro')}</p>
      <Radio.Group
        className="opp-won-contracts"
        orientation="vertical"
        value={contractId}
        onChange={(e) => setChosen(e.target.value as number)}
        data-testid="won-contracts"
      >
        {finals.map((c) => (
          <Radio key={c.id} value={c.id} data-testid={`won-contract-${c.id}`}>
            <span className="mono">{c.number}</span>
            <span className="opp-won-contracts__total">{formatFen(c.totalFen)}</span>
          </Radio>
        ))}
      </Radio.Group>
    </>
  );

  return (
    <Modal
      open
      title={t('opp.wonTitle', { title })}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="won-dialog"
      footer={
        <>
          <Button onClick={onCancel} data-testid="won-cancel">
            {finals.length === 0 ? t('common.close') : t('common.cancel')}
          </Button>
          {finals.length > 0 && (
            <Button
              type="primary"
              loading={saving}
              disabled={contractId === null}
              onClick={() => void submit()}
              data-testid="won-confirm"
            >
              {t('opp.wonConfirm')}
            </Button>
          )}
        </>
      }
    >
      {body}
      {error && <ErrorAlert error={error} className="gap-top" data-testid="won-error" />}
    </Modal>
  );
}
