/** The stored copy checked against its SHA-256: verified (with the hash), altered, or missing. */
import { CheckCircleOutlined, CloseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { StoredDocument } from '../../../../shared/schemas/documents';
import { useT } from '../../i18n/context';

export function DocumentStateTag({ doc }: { doc: StoredDocument }) {
  const t = useT();
  const testId = `document-state-${doc.id}`;
  if (doc.state === 'intact')
    return (
      <Tooltip
        title={<span className="mono">{t('documents.intactHint', { sha: doc.sha256 })}</span>}
      >
        <Tag color="green" icon={<CheckCircleOutlined />} data-testid={testId} data-state="intact">
          {t('documents.intact')} <span className="mono">{doc.sha256.slice(0, 12)}</span>
        </Tag>
      </Tooltip>
    );
  const altered = doc.state === 'altered';
  return (
    <Tooltip title={t(altered ? 'documents.alteredHint' : 'documents.missingHint')}>
      <Tag
        color="red"
        icon={altered ? <WarningOutlined /> : <CloseCircleOutlined />}
        data-testid={testId}
        data-state={doc.state}
      >
        {t(altered ? 'documents.altered' : 'documents.missing')}
      </Tag>
    </Tooltip>
  );
}
