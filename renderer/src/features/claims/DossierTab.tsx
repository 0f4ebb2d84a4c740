/**
 * 时间线 / 争议材料: everything dated about the claim — development activities, the claim's own
 * records from the audit log, its documents — for the manufacturer's arbitration; exported as
 * .xlsx (a job, with progress and cancel) or printed.
 */
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import type { DossierEvent } from '../../../../shared/schemas/reports';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { ExportModal } from '../export/ExportModal';
import { useExport } from '../export/use-export';
import { eventCategory, eventWhat, eventWhen } from './dossier-words';
import { DossierPrint } from './DossierPrint';
import { useDossier } from './use-dossier';
import { usePrintMedia } from './use-print-media';

type Row = DossierEvent & { key: number };

export function DossierTab({ detail }: { detail: ClaimDetail }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const exporter = useExport();
  // The claim's answer changes with every step, a document or an activity: reload then.
  const version = `${detail.updatedAt}#${detail.documents.length}#${detail.activities.length}`;
  const { dossier, error, loading, reload } = useDossier(detail.id, version);
  const [printing, setPrinting] = useState(false);
  const printMedia = usePrintMedia();

  // The print view is mounted first; window.print returns once the print dialog is closed.
  const print = () => {
    flushSync(() => setPrinting(true));
    window.print();
    setPrinting(false);
  };

  const exportExcel = () =>
    exporter.begin(
      'xlsx',
      () => call('exports.claimDossier', { claimId: detail.id, lang }),
      'claims.exportTitle',
    );

  return (
    <div data-testid="claim-dossier-tab">
      <div className="tab-toolbar">
        <Typography.Text type="secondary" className="tab-toolbar__note">
          {t('claims.dossierHint')}
        </Typography.Text>
        <Button
          icon={<FileExcelOutlined />}
          onClick={exportExcel}
          data-testid="claim-dossier-export"
        >
          {t('claims.exportExcel')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          disabled={!dossier}
          onClick={print}
          data-testid="claim-dossier-print"
        >
          {t('claims.print')}
        </Button>
      </div>
      {error && (
        <ErrorAlert
          error={error}
          className="gap-bottom"
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={loading && !dossier}
        // Two events may agree in every field (two calls logged the same day).
        dataSource={(dossier?.events ?? []).map((e, key) => ({ ...e, key }))}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('claims.dossierEmpty')} />
          ),
        }}
        onRow={(e) => ({ className: `clm-event clm-event--${e.kind}`, 'data-kind': e.kind })}
        data-testid="claim-timeline"
        columns={[
          {
            key: 'at',
            title: t('claims.colAt'),
            width: 170,
            render: (_, e) => <span className="cell-date">{eventWhen(e, lang)}</span>,
          },
          {
            key: 'category',
            title: t('claims.colCategory'),
            width: 90,
            render: (_, e) => (
              <span className={`clm-cat clm-cat--${e.kind}`}>{eventCategory(e, t)}</span>
            ),
          },
          {
            key: 'what',
            title: t('claims.colWhat'),
            width: 170,
            render: (_, e) => eventWhat(e, label),
          },
          {
            key: 'detail',
            title: t('claims.colDetail'),
            render: (_, e) =>
              e.detail ? (
                <span className="clm-event__detail">{e.detail}</span>
              ) : (
                <span className="cell-empty">—</span>
              ),
          },
          {
            key: 'by',
            title: t('claims.colBy'),
            width: 90,
            render: (_, e) => e.staffName ?? <span className="cell-empty">—</span>,
          },
        ]}
      />
      {dossier && (printing || printMedia) && <DossierPrint detail={detail} dossier={dossier} />}
      <ExportModal exporter={exporter} />
    </div>
  );
}
