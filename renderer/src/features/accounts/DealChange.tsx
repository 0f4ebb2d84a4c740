/**
 * The history cell of an account change caused by a deal: the lifecycle moved (成交 / 保有) or the
 * fleet lines our deliveries changed, with the cause — the contract and its vehicles.
 */
import { LIFECYCLES } from '../../../../shared/enums';
import type { AuditEntry } from '../../../../shared/schemas/system';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Entries this component words. */
export function isDealEntry(action: string): boolean {
  return action === 'account.lifecycle' || action === 'account.fleet';
}

function Cause({ cause }: { cause: unknown }) {
  const t = useT();
  const { lang } = useLang();
  if (!isRecord(cause)) return null;
  const sep = lang === 'zh-CN' ? '、' : ', ';
  const contractNo = str(cause.contractNo);
  const vins = Array.isArray(cause.vins) ? cause.vins.map(str) : [];
  const date = formatDate(str(cause.deliveredOn), lang);
  const text =
    cause.kind === 'contract.final'
      ? t('deal.cause.contract.final', { contractNo })
      : cause.kind === 'delivery'
        ? t('deal.cause.delivery', { contractNo, count: formatCount(vins.length, lang), date })
        : cause.kind === 'delivery.removed'
          ? t('deal.cause.delivery.removed', { contractNo, date })
          : null;
  if (!text) return null;
  return (
    <div className="diff-line deal-cause" data-testid="history-cause">
      <span>{text}</span>{' '}
      {vins.length > 0 && (
        <span className="deal-vins mono" title={vins.join('\n')}>
          {t('deal.vins', {
            vins: vins.length > 3 ? `${vins.slice(0, 3).join(sep)} …` : vins.join(sep),
          })}
        </span>
      )}
    </div>
  );
}

export function DealChange({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const label = useEnumLabel();
  const after = isRecord(entry.after) ? entry.after : {};
  const before = isRecord(entry.before) ? entry.before : {};
  if (entry.action === 'account.lifecycle') {
    const stage = (v: unknown) => {
      const s = str(v);
      return s in LIFECYCLES ? label(LIFECYCLES, s as keyof typeof LIFECYCLES) : s;
    };
    return (
      <div className="diff" data-testid="history-deal">
        <div className="diff-line">
          <span className="diff-field">{t('account.lifecycle')}</span>
          <span className="diff-before">{stage(before.lifecycle)}</span>
          <span className="diff-arrow">→</span>
          <span className="diff-after">{stage(after.lifecycle)}</span>
        </div>
        <Cause cause={after.cause} />
      </div>
    );
  }
  const lines = Array.isArray(after.lines) ? after.lines.filter(isRecord) : [];
  return (
    <div className="diff" data-testid="history-deal">
      {after.skipped === 'fleet.brand_unset' && (
        <div className="diff-line cell-empty">{t('deal.brandUnset')}</div>
      )}
      {lines.map((l, i) => (
        <div key={i} className="diff-line">
          <span className="diff-field">{t('account.fleet')}</span>
          <span>
            {t('deal.fleetLine', {
              brand: str(l.brand),
              model: str(l.model),
              year: str(l.year),
              before: str(l.before),
              after: str(l.after),
            })}
          </span>
        </div>
      ))}
      <Cause cause={after.cause} />
    </div>
  );
}
