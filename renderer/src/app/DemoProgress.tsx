/**
 * Polls a demo-data job and shows its progress; Cancel asks the job to stop (it rolls back). The
 * text is built here from the numbers: the job's own message is the server's English summary.
 */
import { Button, Progress, Space, Typography } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Job } from '../../../shared/schemas/system';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { type Translate, useLang, useT } from '../i18n/context';
import { formatCount } from '../lib/format';

const POLL_MS = 300;

/** "about 40 s left" once the rate is known; null before. */
function remainingText(done: number, total: number, rate: number, t: Translate): string | null {
  if (rate <= 0 || done <= 0 || done >= total) return null;
  const seconds = Math.ceil((total - done) / rate);
  const time =
    seconds < 60
      ? t('welcome.seconds', { n: seconds })
      : t('welcome.minutes', { n: Math.ceil(seconds / 60) });
  return t('welcome.remaining', { time });
}

export function DemoProgress({ jobId, onEnd }: { jobId: string; onEnd: (job: Job) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const ended = useEffectEvent((finished: Job) => onEnd(finished));

  useEffect(() => {
    let live = true;
    let timer = 0;
    const poll = async () => {
      const r = await call('jobs.get', { id: jobId });
      if (!live) return;
      if (!r.ok) {
        setError(r.error);
        timer = window.setTimeout(() => void poll(), POLL_MS * 3);
        return;
      }
      setError(null);
      setJob(r.value);
      if (r.value.state === 'running') timer = window.setTimeout(() => void poll(), POLL_MS);
      else ended(r.value);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  const cancel = async () => {
    setCancelling(true);
    const r = await call('jobs.cancel', { id: jobId });
    if (!r.ok) {
      setError(r.error);
      setCancelling(false);
    }
  };

  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const rate = job?.rate ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  const remaining = remainingText(done, total, rate, t);

  return (
    <div data-testid="demo-progress">
      <Progress percent={percent} status={cancelling ? 'normal' : 'active'} />
      <Space className="demo-progress__meta" separator="·" wrap>
        <Typography.Text data-testid="demo-progress-count">
          {total > 0
            ? t('welcome.progress', {
                done: formatCount(done, lang),
                total: formatCount(total, lang),
              })
            : t('welcome.preparing')}
        </Typography.Text>
        {rate > 0 && (
          <Typography.Text type="secondary">
            {t('welcome.rate', { rate: formatCount(Math.round(rate), lang) })}
          </Typography.Text>
        )}
        {remaining && <Typography.Text type="secondary">{remaining}</Typography.Text>}
      </Space>
      {error && <ErrorAlert error={error} type="warning" className="gap-top" />}
      <div className="gap-top">
        <Button danger loading={cancelling} onClick={() => void cancel()} data-testid="demo-cancel">
          {cancelling ? t('welcome.cancelling') : t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
