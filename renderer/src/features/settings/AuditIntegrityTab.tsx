/**
 * 数据完整性: recomputes the audit log's keyed chain on request. Claims, filings, approvals and
 * overrides are only as trustworthy as that log; an edit, a rewrite or a cut made to the file
 * behind the app's back shows here, in words, with the entry it concerns.
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

type Verify = Output<'audit.verify'>;

/** Words for what the check found: the kind says what happened, the ids say where. */
function problemText(t: ReturnType<typeof useT>, result: Verify): string {
  const p = result.problem;
  const id = String(p?.entryId ?? result.firstBrokenId ?? '');
  const n = result.checked.toLocaleString();
  const head = String(p?.headId ?? '');
  switch (p?.kind) {
    case 'rewritten':
      return t('settings.audit.rewritten', { id, n });
    case 'removed':
      return t('settings.audit.removed', { id, n });
    case 'cut':
      return p.entryId === null
        ? t('settings.audit.cutAll', { head })
        : t('settings.audit.cut', { id, head });
    case 'unkeyed':
      return t('settings.audit.unkeyed');
    case 'no_key':
      return t('settings.audit.noKey', { id, n });
    default:
      return t('settings.audit.edited', { id, n });
  }
}

export function AuditIntegrityTab() {
  const t = useT();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Verify | null>(null);
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
              title={problemText(t, result)}
              description={t('settings.auditBrokenHint')}
            />
          ))}
      </div>
      <UpgradeNotes />
    </div>
  );
}
