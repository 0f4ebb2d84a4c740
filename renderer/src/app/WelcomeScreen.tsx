/** First run on an empty database: offer generated demo data or a blank start. */
import { Alert, Button, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Job } from '../../../shared/schemas/system';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLang, useT } from '../i18n/context';
import { formatCount } from '../lib/format';
import { DemoProgress } from './DemoProgress';
import { StartFrame } from './StartFrame';

const SIZES = [2_000, 20_000, 100_000] as const;

export function WelcomeScreen({ onFinished }: { onFinished: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [size, setSize] = useState<number>(SIZES[0]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await call('demo.load', { accounts: size });
    setBusy(false);
    if (r.ok) setJobId(r.value.jobId);
    else setError(r.error);
  };

  const decline = async () => {
    setBusy(true);
    const r = await call('demo.decline', {});
    setBusy(false);
    if (r.ok) onFinished();
    else setError(r.error);
  };

  const onJobEnd = (job: Job) => {
    setJobId(null);
    if (job.state === 'done') onFinished();
    else if (job.state === 'cancelled') setNotice(t('welcome.cancelled'));
    else
      setError({
        code: job.error?.code ?? 'INTERNAL',
        message: job.error?.message ?? '',
      });
  };

  return (
    <StartFrame width={560}>
      <Typography.Title level={3}>{t('welcome.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('welcome.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      {notice && <Alert type="info" showIcon title={notice} className="gap-bottom" />}
      {jobId ? (
        <DemoProgress jobId={jobId} onEnd={onJobEnd} />
      ) : (
        <>
          <Typography.Paragraph>
            <Space wrap>
              <span>{t('welcome.size')}</span>
              <Segmented<number>
                value={size}
                onChange={setSize}
                options={SIZES.map((n) => ({ value: n, label: formatCount(n, lang) }))}
                data-testid="demo-size"
              />
            </Space>
          </Typography.Paragraph>
          <Space>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void load()}
              data-testid="demo-load"
            >
              {t('welcome.loadDemo')}
            </Button>
            <Button disabled={busy} onClick={() => void decline()} data-testid="demo-decline">
              {t('welcome.blank')}
            </Button>
          </Space>
        </>
      )}
    </StartFrame>
  );
}
