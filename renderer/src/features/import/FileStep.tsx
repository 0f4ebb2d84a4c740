/**
 * Step 1: what is imported (accounts or contacts), and the file. Electron opens its own file
 * dialog and stages the file; a browser uploads it. Inspecting it (sheets, header row, suggested
 * mapping) starts as soon as it is staged.
 */
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Radio, Typography, Upload } from 'antd';
import type { ImportTarget, Inspection } from '../../../../shared/schemas/imports';
import { hasBridge } from '../../api/client';
import { type Translate, useLang, useT } from '../../i18n/context';
import { formatBytes } from '../../lib/format';
import { ImportError } from './ImportError';
import { TARGETS } from './import-targets';
import { isActive } from './import-run';
import { JobProgress } from './JobProgress';
import type { ImportWizard, UploadProgress } from './use-import-wizard';

export const ACCEPTED_FILES = '.xlsx,.csv,.txt,.xls,.et,.ods,.xml,.htm,.html';

function formatText(inspection: Inspection, t: Translate): string {
  const encoding = inspection.encoding?.toUpperCase() ?? 'UTF-8';
  const sheets = inspection.sheets.length;
  switch (inspection.format) {
    case 'csv':
      return t('import.formatCsv', { encoding });
    case 'html':
      return t('import.formatHtml', { sheets, encoding });
    case 'spreadsheetml':
      return t('import.formatXml2003', { sheets });
    case 'xls':
      return t('import.formatXls', { sheets });
    case 'ods':
      return t('import.formatOds', { sheets });
    default:
      return t('import.formatXlsx', { sheets });
  }
}

function TargetChoice({ wizard }: { wizard: ImportWizard }) {
  const t = useT();
  return (
    <div className="import-target">
      <Typography.Text strong>{t('import.target')}</Typography.Text>
      {wizard.targets.length > 1 && (
        <Radio.Group
          value={wizard.target}
          // Not while a file is sent or read: its result belongs to the target it was started for.
          disabled={wizard.busy}
          optionType="button"
          buttonStyle="solid"
          onChange={(e) => wizard.setTarget(e.target.value as ImportTarget)}
        >
          {wizard.targets.map((target) => (
            <Radio.Button key={target} value={target}>
              {/* On the label text: antd's radio-button input has no size to click. */}
              <span data-testid={`import-target-${target}`}>{t(TARGETS[target].label)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      )}
      <Typography.Text type="secondary" className="import-target__hint">
        {t(TARGETS[wizard.target].hint)}
      </Typography.Text>
    </div>
  );
}

function Uploading({ upload, onCancel }: { upload: UploadProgress; onCancel: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const percent = upload.total > 0 ? Math.floor((upload.loaded / upload.total) * 100) : 0;
  return (
    <div className="import-progress" data-testid="import-upload">
      <Progress percent={percent} status="active" />
      <Typography.Text>
        {t('import.uploading', {
          name: upload.fileName,
          loaded: formatBytes(upload.loaded, lang),
          total: formatBytes(upload.total, lang),
        })}
      </Typography.Text>
      <div className="import-progress__actions">
        <Button danger onClick={onCancel} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

function FilePicker({ wizard }: { wizard: ImportWizard }) {
  const t = useT();
  if (hasBridge())
    return (
      <div className="import-drop import-drop--button">
        <FileExcelOutlined className="import-drop__icon" />
        <Button type="primary" onClick={wizard.chooseFile} data-testid="import-choose">
          {t('import.chooseFile')}
        </Button>
        <Typography.Text type="secondary">{t('import.dropHint')}</Typography.Text>
      </div>
    );
  return (
    <Upload.Dragger
      accept={ACCEPTED_FILES}
      multiple={false}
      showUploadList={false}
      // The file goes to /api/upload by our own request (progress, abort), not antd's.
      beforeUpload={(file) => {
        wizard.sendFile(file);
        return false;
      }}
      data-testid="import-file-input"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('import.drop')}</p>
      <p className="ant-upload-hint">{t('import.dropHint')}</p>
    </Upload.Dragger>
  );
}

export function FileStep({ wizard }: { wizard: ImportWizard }) {
  const t = useT();
  const { upload, inspect, inspection, staged, fileError } = wizard;
  const reading = isActive(inspect);

  return (
    <div className="import-step" data-testid="import-step-file">
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      <TargetChoice wizard={wizard} />
      {upload ? (
        <Uploading upload={upload} onCancel={wizard.cancelFile} />
      ) : reading ? (
        <>
          <Typography.Text strong>
            {t('import.reading', { name: staged?.fileName ?? '' })}
          </Typography.Text>
          <JobProgress state={inspect} onCancel={wizard.cancelJob} countsRows={false} />
        </>
      ) : (
        <FilePicker wizard={wizard} />
      )}
      {fileError && (
        <div className="gap-top">
          <ImportError error={fileError} />
        </div>
      )}
      {inspect?.step === 'failed' && (
        <div className="gap-top">
          <ImportError error={inspect.error} />
        </div>
      )}
      {inspect?.step === 'cancelled' && (
        <Alert className="gap-top" type="info" showIcon title={t('import.readCancelled')} />
      )}
      {inspection && !reading && (
        <Alert
          className="gap-top"
          type="success"
          showIcon
          title={t('import.fileRead', { name: inspection.fileName })}
          description={formatText(inspection, t)}
          data-testid="import-file-read"
        />
      )}
    </div>
  );
}
