/** What an attach is doing: the upload's progress with a cancel, then storing and hashing. */
import { Button, Progress, Typography } from 'antd';
import { useLang, useT } from '../../i18n/context';
import { formatBytes } from '../../lib/format';
import type { AttachStep } from './use-attach-document';

export function AttachProgress(props: { progress: AttachStep; onAbort: () => void }) {
  const { progress, onAbort } = props;
  const t = useT();
  const { lang } = useLang();
  if (progress.step === 'saving')
    return (
      <div className="doc-progress" data-testid="attach-progress">
        <Progress percent={100} status="active" showInfo={false} size="small" />
        <Typography.Text type="secondary">
          {t('documents.saving', { name: progress.fileName })}
        </Typography.Text>
      </div>
    );
  const percent = progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  return (
    <div className="doc-progress" data-testid="attach-progress">
      <Progress percent={percent} status="active" size="small" />
      <Typography.Text type="secondary">
        {t('documents.uploading', {
          name: progress.fileName,
          loaded: formatBytes(progress.loaded, lang),
          total: formatBytes(progress.total, lang),
        })}
      </Typography.Text>
      <Button size="small" onClick={onAbort} data-testid="attach-abort">
        {t('common.cancel')}
      </Button>
    </div>
  );
}
