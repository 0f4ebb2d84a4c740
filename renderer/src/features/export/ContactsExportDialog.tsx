/**
 * Asked before exporting contacts: whether their personal details (PIPL) go into the file. Off by
 * default; the text says whose details the user would get and that the export is audited.
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { STAFF_ROLES } from '../../../../shared/enums';
import { useSession } from '../../app/session';
import { useEnumLabel, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { FORMAT_LABELS } from './ExportButton';
import type { ExportFormat } from './use-export';

export function ContactsExportDialog({
  format,
  onStart,
  onClose,
}: {
  format: ExportFormat;
  onStart: (includePersonal: boolean) => void;
  onClose: () => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const { user } = useSession();
  const [includePersonal, setIncludePersonal] = useState(false);
  // Mirrors the backend's rule (canSeePersonal): specialists get their teams' accounts' contacts only.
  const whose =
    user.role === 'specialist'
      ? t('export.contactsPersonalOwn')
      : t('export.contactsPersonalAll', { role: label(STAFF_ROLES, user.role) });

  return (
    <Modal
      open
      title={t('export.titleContacts', { format: t(FORMAT_LABELS[format]) })}
      okText={t('export.start')}
      okButtonProps={testId('contacts-export-start')}
      cancelText={t('common.cancel')}
      cancelButtonProps={testId('contacts-export-cancel')}
      onOk={() => onStart(includePersonal)}
      onCancel={onClose}
      width={520}
      destroyOnHidden
      data-testid="contacts-export-dialog"
    >
      <Typography.Paragraph>{t('export.contactsScope')}</Typography.Paragraph>
      <Checkbox
        checked={includePersonal}
        onChange={(e) => setIncludePersonal(e.target.checked)}
        {...testId('contacts-export-personal')}
      >
        {t('export.contactsPersonal')}
      </Checkbox>
      <Alert
        className="gap-top"
        type={includePersonal ? 'warning' : 'info'}
        showIcon
        icon={<LockOutlined />}
        title={t('export.contactsPipl')}
        description={
          <>
            <div>{whose}</div>
            <div>{t('export.contactsAudited')}</div>
          </>
        }
        data-testid="contacts-export-pipl"
      />
    </Modal>
  );
}
