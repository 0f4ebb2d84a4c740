/**
 * 数据完整性: recomputes the audit log's hash chain on request. Claims, filings, approvals and
 * overrides are only as trustworthy as that log; an edit made to the file behind the app's back
 * shows here as the first entry whose link no longer holds.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorBody } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { UpgradeNotes } from './UpgradeNotes';

export function AuditIntegrityTab() {
  const t = useT();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Output<'audit.verify'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async () => {
    setChecking(true);
    setError(null);
    const r = await call('audit.verify', {});
    setChecking(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  };

  return (
    <div className="set-section" data-testid="audit-integrity-tab">
      <Typography.Paragraph type="secondary">{t('settings.auditIntro')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        loading={checking}
        onClick={() => void verify()}
        data-testid="audit-verify"
      >
        {t('settings.auditVerify')}
      </Button>
      <div className="gap-top" data-testid="audit-verify-result">
        {error && <Alert type="error" showIcon title={<ErrorBody error={error} />} />}
        {result &&
          (result.ok ? (
            <Alert
              type="success"
              showIcon
              title={t('settings.auditIntact', { n: result.checked.toLocaleString() })}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('settings.auditBroken', {
                id: String(result.firstBrokenId ?? ''),
                n: result.checked.toLocaleString(),
              })}
              description={t('settings.auditBrokenHint')}
            />
          ))}
      </div>
      <UpgradeNotes />
    </div>
  );
}
