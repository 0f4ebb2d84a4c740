/** 车辆: every delivered vehicle of the contract with its invoice and registration. */
import { Card, Table } from 'antd';
import type { FilingDetail, FilingVehicle } from '../../../../shared/schemas/filings';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';

const dash = <span className="cell-empty">—</span>;

export function VehiclesTable({ detail }: { detail: FilingDetail }) {
  const t = useT();
  const { lang } = useLang();
  const units = detail.vehicles.some((v) => v.unitName !== null);
  return (
    <Card
      size="small"
      className="fil-panel"
      title={t('filings.vehiclesTitle')}
      extra={
        <span className="fil-muted">
          {t('filings.vehiclesCount', {
            n: formatCount(detail.vehicles.length, lang),
            units: formatCount(detail.units, lang),
          })}
        </span>
      }
      data-testid="filing-vehicles"
    >
      <Table<FilingVehicle>
        size="small"
        rowKey="deliveryId"
        dataSource={detail.vehicles}
        pagination={detail.vehicles.length > 50 ? { pageSize: 50, size: 'small' } : false}
        locale={{ emptyText: t('filings.vehiclesEmpty') }}
        scroll={{ x: 1000 }}
        onRow={(v) => ({ className: 'fil-vehicle', ...testId(`vehicle-row-${v.vin}`) })}
        columns={[
          {
            key: 'vin',
            title: t('filings.vin'),
            width: 170,
            render: (_, v) => <span className="mono">{v.vin}</span>,
          },
          { key: 'model', title: t('filings.model'), dataIndex: 'model', width: 100 },
          ...(units
            ? [
                {
                  key: 'unit',
                  title: t('filings.unit'),
                  ellipsis: true,
                  render: (_: unknown, v: FilingVehicle) => v.unitName ?? dash,
                },
              ]
            : []),
          {
            key: 'delivered',
            title: t('filings.deliveredOn'),
            width: 110,
            render: (_, v) => <span className="cell-date">{formatDate(v.deliveredOn, lang)}</span>,
          },
          {
            key: 'invoiceNo',
            title: t('filings.invoiceNo'),
            width: 110,
            render: (_, v) =>
              v.invoiceNo ? (
                <span className="mono">{v.invoiceNo}</span>
              ) : (
                <span className="fil-no">{t('filings.notInvoiced')}</span>
              ),
          },
          {
            key: 'invoiceDate',
            title: t('filings.invoiceDate'),
            width: 110,
            render: (_, v) =>
              v.invoiceDate ? (
                <span className="cell-date">{formatDate(v.invoiceDate, lang)}</span>
              ) : (
                dash
              ),
          },
          {
            key: 'invoiceBuyer',
            title: t('filings.invoiceBuyer'),
            ellipsis: true,
            render: (_, v) => v.invoiceBuyer ?? dash,
          },
          {
            key: 'owner',
            title: t('filings.registrationOwner'),
            ellipsis: true,
            render: (_, v) => v.registrationOwner ?? dash,
          },
          {
            key: 'plate',
            title: t('filings.plate'),
            width: 100,
            render: (_, v) => v.plate ?? dash,
          },
        ]}
      />
    </Card>
  );
}
