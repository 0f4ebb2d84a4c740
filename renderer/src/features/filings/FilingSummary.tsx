/**
 * The filing's facts: account, contract, declared units (editable while a draft), the account's
 * claim, who prepared and submitted it.
 */
import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, InputNumber, Space, Tag } from 'antd';
import { useState } from 'react';
import { CLAIM_STATUSES, type ClaimStatus } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { accountPath, recordPath } from '../../lib/use-hash-route';
import { BuyerTypeTag } from '../accounts/account-tags';
import { useRun } from '../../lib/use-run';

const Empty = () => <span className="cell-empty">—</span>;

const isClaimStatus = (s: string): s is ClaimStatus => s in CLAIM_STATUSES;

function UnitsEditor(props: {
  detail: FilingDetail;
  canChange: boolean;
  onApplied: (d: FilingDetail) => void;
}) {
  const { detail, canChange, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const run = useRun();
  const [editing, setEditing] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const shown = (
    <span data-testid="filing-units">
      {formatCount(detail.units, lang)}
      <span className="fil-muted">
        {' '}
        {t('filings.unitsOfContract', { n: formatCount(detail.contract.quantity, lang) })}
      </span>
    </span>
  );
  if (detail.status !== 'draft' || !canChange) return shown;
  if (editing === null)
    return (
      <Space size={4}>
        {shown}
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(detail.units)}
          data-testid="filing-units-edit"
        >
          {t('common.edit')}
        </Button>
      </Space>
    );
  const save = async () => {
    if (editing === detail.units) return setEditing(null);
    setSaving(true);
    const ok = await run(
      call('filings.update', {
        id: detail.id,
        units: editing,
        notes: detail.notes,
        version: detail.version,
      }),
      onApplied,
      t('filings.unitsSaved'),
    );
    setSaving(false);
    if (ok) setEditing(null);
  };
  return (
    <Space size={4}>
      <InputNumber<number>
        min={1}
        max={100_000}
        precision={0}
        value={editing}
        onChange={(v) => setEditing(v ?? 1)}
        onPressEnter={() => void save()}
        autoFocus
        size="small"
        data-testid="filing-units-input"
      />
      <Button
        type="primary"
        size="small"
        loading={saving}
        onClick={() => void save()}
        data-testid="filing-units-save"
      >
        {t('common.save')}
      </Button>
      <Button size="small" onClick={() => setEditing(null)}>
        {t('common.cancel')}
      </Button>
    </Space>
  );
}

export function FilingSummary(props: {
  detail: FilingDetail;
  canChange: boolean;
  onApplied: (d: FilingDetail) => void;
}) {
  const { detail, canChange, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const c = detail.contract;
  return (
    <Descriptions
      size="small"
      column={2}
      className="details fil-summary"
      data-testid="filing-summary"
      items={[
        {
          key: 'account',
          label: t('filings.account'),
          children: (
            <span className="con-inline">
              <a href={`#${accountPath(detail.accountId)}`} data-testid="filing-account-link">
                {detail.accountName}
              </a>
              <BuyerTypeTag value={detail.buyerType} />
            </span>
          ),
        },
        {
          key: 'uscc',
          label: t('filings.uscc'),
          children: detail.uscc ? <span className="mono">{detail.uscc}</span> : <Empty />,
        },
        {
          key: 'contract',
          label: t('filings.contract'),
          children: (
            <span className="con-inline">
              <a
                href={`#${recordPath('contracts', c.id)}`}
                className="mono"
                data-testid="filing-contract-link"
              >
                {c.number}
              </a>
              <span className="fil-muted">
                {[
                  c.signedOn && t('filings.signedOn', { date: formatDate(c.signedOn, lang) }),
                  formatFen(c.totalFen),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
          ),
        },
        { key: 'party', label: t('filings.partyName'), children: c.partyName },
        {
          key: 'units',
          label: t('filings.declaredUnits'),
          children: <UnitsEditor detail={detail} canChange={canChange} onApplied={onApplied} />,
        },
        {
          key: 'tender',
          label: t('filings.tender'),
          children: c.tender ? (
            <a href={`#${recordPath('tenders', c.tender.id)}`} className="mono">
              {c.tender.projectNo}
            </a>
          ) : (
            <span className="fil-muted">{t('filings.notTendered')}</span>
          ),
        },
        {
          key: 'claim',
          label: t('filings.claim'),
          children: detail.claim ? (
            <span className="con-inline" data-testid="filing-claim">
              <a href={`#${recordPath('claims', detail.claim.id)}`}>
                <Tag className="cell-tag" color="blue">
                  {isClaimStatus(detail.claim.status)
                    ? label(CLAIM_STATUSES, detail.claim.status)
                    : detail.claim.status}
                </Tag>
              </a>
              {detail.claim.oemReference && (
                <span className="mono">{detail.claim.oemReference}</span>
              )}
            </span>
          ) : (
            <span className="fil-muted" data-testid="filing-claim">
              {t('filings.noClaim')}
            </span>
          ),
        },
        {
          key: 'prepared',
          label: t('filings.preparedBy'),
          children: (
            <span>
              {detail.owner?.name ?? '—'}
              <span className="fil-muted"> · {formatDateTime(detail.createdAt, lang)}</span>
            </span>
          ),
        },
        ...(detail.notes
          ? [
              {
                key: 'notes',
                label: t('filings.notes'),
                children: <span className="pre-wrap">{detail.notes}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}
