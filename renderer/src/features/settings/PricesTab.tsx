/** 价格表: retail price and policy floor per model, which every contract line is checked against. */
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { PriceListEntry } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { testId } from '../../lib/test-id';
import { PriceForm } from './PriceForm';

const PAGE_SIZE = 50;

interface Props {
  canEdit: boolean;
  /** More toolbar actions, e.g. an import of the OEM's price list from Excel. */
  toolbarEnd?: ReactNode;
  /** Bump to reload (after an import). */
  refreshKey?: unknown;
}

export function PricesTab({ canEdit, toolbarEnd, refreshKey }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PriceListEntry | 'new' | null>(null);
  const [revision, setRevision] = useState(0);
  const key = JSON.stringify([search, page, revision, refreshKey]);
  const [loaded, setLoaded] = useState<{
    key: string;
    data: { rows: PriceListEntry[]; total: number } | null;
    error: ApiError | null;
  } | null>(null);

  useEffect(() => {
    let live = true;
    void call('prices.list', { q: search, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (r) => {
        if (!live) return;
        setLoaded((prev) => ({
          key,
          data: r.ok ? r.value : (prev?.data ?? null),
          error: r.ok ? null : r.error,
        }));
      },
    );
    return () => {
      live = false;
    };
  }, [search, page, key]);

  const remove = async (p: PriceListEntry) => {
    const r = await call('prices.delete', { id: p.id });
    if (!r.ok) return void message.error(errorText(r.error, t));
    void message.success(t('settings.priceDeleted', { model: p.model }));
    setRevision((n) => n + 1);
  };

  const money = (fen: number) => <span className="mono">{formatFen(fen)}</span>;

  return (
    <div className="set-panel" data-testid="prices-tab">
      <div className="tab-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          className="set-search"
          placeholder={t('settings.priceSearch')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          data-testid="prices-search"
        />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="price-new"
          >
            {t('settings.priceNew')}
          </Button>
        )}
        <span className="set-spacer" />
        {loaded?.data && (
          <span className="set-muted">
            {t('settings.priceTotal', { n: formatCount(loaded.data.total, lang) })}
          </span>
        )}
        {toolbarEnd}
      </div>
      {loaded?.error && <ErrorAlert error={loaded.error} className="gap-bottom" />}
      <Table<PriceListEntry>
        size="small"
        rowKey="id"
        loading={loaded?.key !== key}
        dataSource={loaded?.data?.rows ?? []}
        locale={{ emptyText: search ? t('settings.pricesNoMatch') : t('settings.pricesEmpty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: loaded?.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        data-testid="prices-table"
        onRow={(p) => ({ className: 'set-row', ...testId(`price-row-${p.id}`) })}
        columns={[
          { key: 'model', title: t('settings.model'), dataIndex: 'model', width: 160 },
          {
            key: 'configuration',
            title: t('settings.configuration'),
            render: (_, p) => p.configuration ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'retail',
            title: t('settings.retail'),
            width: 150,
            align: 'right',
            render: (_, p) => money(p.retailFen),
          },
          {
            key: 'floor',
            title: t('settings.floor'),
            width: 150,
            align: 'right',
            render: (_, p) => money(p.floorFen),
          },
          {
            key: 'room',
            title: t('settings.room'),
            width: 170,
            align: 'right',
            render: (_, p) => (
              <span>
                {money(p.retailFen - p.floorFen)}
                <span className="set-muted">
                  {' '}
                  ({((1 - p.floorFen / p.retailFen) * 100).toFixed(1)}%)
                </span>
              </span>
            ),
          },
          {
            key: 'updatedAt',
            title: t('settings.updatedAt'),
            width: 170,
            render: (_, p) => (
              <span className="cell-date">{formatDateTime(p.updatedAt, lang)}</span>
            ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 150,
                  render: (_: unknown, p: PriceListEntry) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(p)}
                        data-testid="price-edit"
                      >
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('settings.priceDeleteConfirm', { model: p.model })}
                        okText={t('common.delete')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true, ...testId('price-delete-confirm') }}
                        onConfirm={() => remove(p)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          data-testid="price-delete"
                        >
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <PriceForm
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setRevision((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
