/**
 * 生成合同: the contract form prefilled from the lots we won (contracts.draftFromTender). Saving it
 * opens the new contract's card.
 */
import { Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { ContractDraft } from '../../../../shared/schemas/contract-numbering';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ContractForm } from '../contracts/ContractForm';

export function ContractFromTender({
  tenderId,
  onClose,
}: {
  tenderId: number;
  onClose: () => void;
}) {
  const t = useT();
  const { navigate } = useHashRoute();
  const [draft, setDraft] = useState<ContractDraft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('contracts.draftFromTender', { id: tenderId }).then((r) => {
      if (!live) return;
      if (r.ok) setDraft(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [tenderId]);

  if (draft)
    return (
      <ContractForm
        detail={null}
        draft={draft}
        onClose={onClose}
        onSaved={(saved) => navigate(recordPath('contracts', saved.id))}
      />
    );
  return (
    <Modal
      open
      title={t('contracts.fromTender')}
      footer={null}
      onCancel={onClose}
      data-testid="contract-from-tender-loading"
    >
      {error ? (
        <ErrorAlert error={error} />
      ) : (
        <div className="center-pad">
          <Spin />
        </div>
      )}
    </Modal>
  );
}
