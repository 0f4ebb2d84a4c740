/**
 * Progress and outcome of an export. While the job writes, the only way out is Cancel, so a
 * closed modal never leaves an export running unseen.
 */
import { Button, Modal } from 'antd';
import { useT } from '../../i18n/context';
import { FORMAT_LABELS } from './ExportButton';
import { ExportStatus } from './ExportStatus';
import type { ExportController } from './use-export';

export function ExportModal({ exporter }: { exporter: ExportController }) {
  const t = useT();
  const { format, title, state } = exporter;
  if (!format || !state) return null;

  const step = state.step;
  const writing = step === 'starting' || step === 'running';
  const busy = writing || step === 'delivering';
  const cancelling = step === 'running' && state.cancelling;
  const canRedeliver =
    (step === 'done' && state.delivery.kind === 'cancelled') ||
    (step === 'failed' && state.canRetry);

  const footer = writing ? (
    <Button danger loading={cancelling} onClick={exporter.cancel} data-testid="export-cancel">
      {t('common.cancel')}
    </Button>
  ) : busy ? null : (
    <>
      {canRedeliver && (
        <Button onClick={exporter.deliverAgain} data-testid="export-redeliver">
          {step === 'done' ? t('export.saveAgain') : t('export.retry')}
        </Button>
      )}
      <Button type="primary" onClick={exporter.close} data-testid="export-close">
        {t('common.close')}
      </Button>
    </>
  );

  return (
    <Modal
      open
      title={t(title, { format: t(FORMAT_LABELS[format]) })}
      closable={!busy}
      keyboard={!busy}
      mask={{ closable: false }}
      onCancel={exporter.close}
      footer={footer}
      width={480}
      destroyOnHidden
      data-testid="export-modal"
    >
      <ExportStatus state={state} />
    </Modal>
  );
}
