/**
 * 打印档案卡: the account card as a printable A4 sheet — a preview (the sheet on screen) whose button
 * prints it, or saves it as PDF through the print dialog (browser and Electron alike: the app prints
 * with window.print, as the claim dossier does). While the preview is open the same sheet is also
 * a child of <body> for the print media (components/print/print-sheet.css), so Ctrl+P prints it too.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { now } from '../../../../shared/clock';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/context';
import { AccountSheet } from './AccountSheet';
import { useCardSheet } from './use-card-sheet';
import '../../components/print/print-sheet.css';
import './account-sheet.css';

export function CardPrintButton({ detail }: { detail: AccountDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)} data-testid="account-print">
        {t('sheet.print')}
      </Button>
      {open && <CardPrintPreview detail={detail} onClose={() => setOpen(false)} />}
    </>
  );
}

function CardPrintPreview({ detail, onClose }: { detail: AccountDetail; onClose: () => void }) {
  const t = useT();
  const { user } = useSession();
  const sheet = useCardSheet(detail.id);
  // One moment for the preview and the print, taken when the preview opens.
  const [printedAt] = useState(() => now().toISOString());
  const shown = sheet && { detail, sheet, printedBy: user.name, printedAt };

  return (
    <Modal
      open
      width="min(230mm, 96vw)"
      className="acc-sheet-preview"
      title={t('sheet.previewTitle', { name: detail.name })}
      onCancel={onClose}
      footer={[
        <Typography.Text key="hint" type="secondary" className="acc-sheet-preview__hint">
          {t('sheet.printHint')}
        </Typography.Text>,
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!shown}
          onClick={() => window.print()}
          data-testid="account-print-now"
        >
          {t('sheet.printNow')}
        </Button>,
      ]}
      data-testid="account-print-preview"
    >
      {shown ? (
        <>
          <AccountSheet {...shown} className="acc-sheet--preview" testId="account-sheet" />
          {createPortal(
            <AccountSheet {...shown} className="print-sheet" testId="account-sheet-print" />,
            document.body,
          )}
        </>
      ) : (
        <Spin tip={t('sheet.loading')}>
          <div style={{ height: 200 }} />
        </Spin>
      )}
    </Modal>
  );
}
