/**
 * The printable dispute dossier: the claim's summary, the conflict ranking and the timeline, as
 * plain tables. Rendered outside the app (a child of <body>, a .print-sheet) so the print CSS can
 * hide everything else; only mounted while printing.
 */
import { createPortal } from 'react-dom';
import {
  AUTH_STATES,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  CONFLICT_MATCHES,
} from '../../../../shared/filing-enums';
import { BUYER_TYPES } from '../../../../shared/enums';
import { CLAIM_COLUMN_LABELS, type ClaimDetail } from '../../../../shared/schemas/claims';
import type { Dossier } from '../../../../shared/schemas/reports';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { standingText, winnerText } from './conflict-words';
import { eventCategory, eventWhat, eventWhen } from './dossier-words';
import { territoryLabel } from './territory';
import '../../components/print/print-sheet.css';

export function DossierPrint({ detail, dossier }: { detail: ClaimDetail; dossier: Dossier }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const ours = detail.source === 'ours';
  const paren = (s: string) => (lang === 'zh-CN' ? `（${s}）` : ` (${s})`);
  const facts: [string, string][] = [
    [t('claims.account'), detail.accountName],
    [t('claims.colStatus'), label(CLAIM_STATUSES, detail.status)],
    [label(CLAIM_COLUMN_LABELS, 'uscc'), detail.uscc ?? '—'],
    [label(CLAIM_COLUMN_LABELS, 'buyerType'), label(BUYER_TYPES, detail.buyerType)],
    [
      ours ? t('claims.claimant') : t('claims.dealer'),
      `${(ours ? detail.claimant?.name : detail.dealerName) ?? '—'}${paren(label(CLAIM_SOURCES, detail.source))}`,
    ],
    [
      t('claims.filedAt'),
      detail.filedAt
        ? `${formatDateTime(detail.filedAt, lang)}${paren(ours ? t('claims.systemTime') : t('claims.reportedTime'))}`
        : t('claims.notFiled'),
    ],
    [t('claims.expiresOn'), detail.expiresOn ? formatDate(detail.expiresOn, lang) : '—'],
    [t('claims.renewals'), formatCount(detail.renewals, lang)],
    ...(ours
      ? ([
          [
            t('claims.territory'),
            `${territoryLabel(detail.territoryCode, detail.territoryName) || t('claims.territoryNone')} · ${label(AUTH_STATES, detail.authState)}`,
          ],
        ] as [string, string][])
      : []),
    [t('claims.oemReference'), detail.oemReference ?? '—'],
    [t('claims.wish'), detail.wish?.note ?? t('claims.wishNone')],
    [t('claims.colEvidence'), formatCount(detail.evidenceCount, lang)],
  ];
  const conflict = detail.conflict;

  return createPortal(
    <div className="clm-print print-sheet" data-testid="claim-print-view">
      <h1>{t('claims.printTitle', { name: detail.accountName })}</h1>
      <p className="clm-print__meta">
        {t('claims.printedAt', { time: formatDateTime(new Date().toISOString(), lang) })}
      </p>
      <h2>{t('claims.printSummary')}</h2>
      <table className="clm-print__facts">
        <tbody>
          {facts.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflict && (
        <>
          <h2>{t('claims.printConflict')}</h2>
          <p className="clm-print__verdict">{winnerText(conflict, detail, t, lang)}</p>
          <p>
            {standingText(conflict, detail.id, t)} {t('claims.rulesHint')}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('claims.colRank')}</th>
                <th>{t('claims.colParty')}</th>
                <th>{t('claims.colAccount')}</th>
                <th>{t('claims.colStatus')}</th>
                <th>{t('claims.colFiledAt')}</th>
                <th>{t('claims.colEvidence')}</th>
                <th>{t('claims.colWish')}</th>
                <th>{t('claims.colMatches')}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.claims.map((c) => (
                <tr key={c.claimId} className={c.claimId === conflict.winnerId ? 'is-winner' : ''}>
                  <td>{c.rank}</td>
                  <td>
                    {c.claimantName}
                    {c.source !== 'ours' && paren(label(CLAIM_SOURCES, c.source))}
                    {c.claimId === detail.id && ` · ${t('claims.thisClaim')}`}
                  </td>
                  <td>{c.accountName}</td>
                  <td>{label(CLAIM_STATUSES, c.status)}</td>
                  <td>{c.filedAt ? formatDateTime(c.filedAt, lang) : t('claims.notFiled')}</td>
                  <td>{formatCount(c.evidenceCount, lang)}</td>
                  <td>{c.customerWish ? t('claims.wishYes') : '—'}</td>
                  <td>
                    {c.matches
                      .map((m) => label(CONFLICT_MATCHES, m))
                      .join(lang === 'zh-CN' ? '、' : ', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('claims.printTimeline')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('claims.colAt')}</th>
            <th>{t('claims.colCategory')}</th>
            <th>{t('claims.colWhat')}</th>
            <th>{t('claims.colDetail')}</th>
            <th>{t('claims.colBy')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.events.length === 0 && (
            <tr>
              <td colSpan={5}>{t('claims.dossierEmpty')}</td>
            </tr>
          )}
          {dossier.events.map((e, i) => (
            <tr key={i}>
              <td className="nowrap">{eventWhen(e, lang)}</td>
              <td className="nowrap">{eventCategory(e, t)}</td>
              <td>{eventWhat(e, label)}</td>
              <td className="clm-print__detail">{e.detail ?? ''}</td>
              <td className="nowrap">{e.staffName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
