/**
 * The evidence documents of a claim or a filing: what each is, who uploaded it when, and whether
 * the stored copy still matches its SHA-256; attaching more and removing them while allowed.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Empty, Select, Table, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/filing-enums';
import type { StoredDocument } from '../../../../shared/schemas/documents';
import { call } from '../../api/client';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatBytes, formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { ErrorAlert } from '../ErrorAlert';
import { useConfirmDelete } from '../use-confirm-delete';
import { AttachProgress } from './AttachProgress';
import { DocumentStateTag } from './DocumentStateTag';
import { UploadTrigger } from './UploadTrigger';
import { useAttachDocument } from './use-attach-document';
import { useOpenDocument } from './use-open-document';
import './documents.css';

export interface DocumentsPanelProps {
  entity: 'claim' | 'filing';
  entityId: number;
  documents: StoredDocument[];
  /** The kinds offered when attaching, the first preselected. */
  kinds: DocumentKind[];
  canAttach: boolean;
  canRemove: boolean;
  onChanged: () => void;
  testId?: string;
}

export function DocumentsPanel(props: DocumentsPanelProps) {
  const { entity, entityId, documents, kinds, canAttach, canRemove, onChanged } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const open = useOpenDocument();
  const { deleting, confirm } = useConfirmDelete();
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const chosenKind = kind !== null && kinds.includes(kind) ? kind : (kinds[0] ?? 'other');
  const attached = useCallback(
    (doc: StoredDocument) => {
      void message.success(t('documents.attached', { name: doc.fileName }));
      onChanged();
    },
    [message, onChanged, t],
  );
  const attach = useAttachDocument(entity, entityId, attached);

  const remove = (doc: StoredDocument) =>
    confirm({
      title: t('documents.removeTitle', { name: doc.fileName }),
      body: t('documents.removeBody'),
      done: t('documents.removed', { name: doc.fileName }),
      refused: t('documents.removeRefused'),
      confirmTestId: 'document-remove-confirm',
      run: () => call('documents.remove', { id: doc.id }),
      onDeleted: onChanged,
    });

  return (
    <div className="doc-panel" data-testid={props.testId ?? 'documents-panel'}>
      {canAttach && (
        <div className="doc-panel__toolbar">
          <Select<DocumentKind>
            className="doc-panel__kind"
            value={chosenKind}
            onChange={setKind}
            disabled={attach.busy}
            options={kinds.map((k) => ({ value: k, label: label(DOCUMENT_KINDS, k) }))}
            popupMatchSelectWidth={false}
            aria-label={t('documents.kind')}
            data-testid="attach-kind"
          />
          <UploadTrigger attach={attach} kind={chosenKind} testId="attach-upload" primary>
            {t('documents.attach')}
          </UploadTrigger>
          {attach.progress && <AttachProgress progress={attach.progress} onAbort={attach.abort} />}
        </div>
      )}
      {attach.error && (
        <ErrorAlert
          error={attach.error}
          className="gap-bottom"
          action={
            <Button size="small" onClick={attach.clearError}>
              {t('common.close')}
            </Button>
          }
          data-testid="attach-error"
        />
      )}
      <Table<StoredDocument>
        size="small"
        rowKey="id"
        dataSource={documents}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{t('documents.empty')}</div>
                  <div className="doc-panel__hint">{t('documents.emptyHint')}</div>
                </>
              }
            />
          ),
        }}
        onRow={(doc) => ({
          className: `doc-row doc-row--${doc.state}`,
          ...testId(`document-row-${doc.id}`),
        })}
        columns={[
          {
            key: 'kind',
            title: t('documents.kind'),
            width: 170,
            render: (_, doc) => label(DOCUMENT_KINDS, doc.kind),
          },
          {
            key: 'file',
            title: t('documents.file'),
            ellipsis: true,
            render: (_, doc) => (
              <Tooltip title={t('documents.open', { name: doc.fileName })}>
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    void open(doc);
                  }}
                  data-testid={`document-open-${doc.id}`}
                >
                  {doc.fileName}
                </a>
              </Tooltip>
            ),
          },
          {
            key: 'size',
            title: t('documents.size'),
            width: 90,
            align: 'right',
            render: (_, doc) => <span className="mono">{formatBytes(doc.size, lang)}</span>,
          },
          {
            key: 'uploaded',
            title: t('documents.uploaded'),
            width: 210,
            render: (_, doc) => (
              <span className="doc-panel__uploaded">
                {doc.uploadedBy?.name ?? '—'}
                <span className="doc-panel__time">{formatDateTime(doc.uploadedAt, lang)}</span>
              </span>
            ),
          },
          {
            key: 'state',
            title: t('documents.integrity'),
            width: 190,
            render: (_, doc) => <DocumentStateTag doc={doc} />,
          },
          ...(canRemove
            ? [
                {
                  key: 'remove',
                  title: '',
                  width: 48,
                  render: (_: unknown, doc: StoredDocument) => (
                    <Tooltip title={t('common.remove')}>
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        loading={deleting}
                        aria-label={t('common.remove')}
                        onClick={() => remove(doc)}
                        data-testid={`document-remove-${doc.id}`}
                      />
                    </Tooltip>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
