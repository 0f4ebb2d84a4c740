/**
 * The 大客户档案卡 on paper (seed 003): profile, organisation structure, contacts with their roles,
 * fleet, transactions, open opportunities, claims and last activities, as plain tables that print
 * on A4 without cutting a row. The same markup is the on-screen preview and the print (a child of
 * <body>, see components/print/print-sheet.css). Contacts' personal details are never printed.
 */
import type { ReactNode } from 'react';
import {
  ATTITUDES,
  BUYER_TYPES,
  CONTACT_LEVELS,
  GRADES,
  INDUSTRIES,
  LIFECYCLES,
  ORG_NATURES,
  PURCHASE_ROLES,
  SOURCES,
  VALUE_TYPES,
} from '../../../../shared/enums';
import { CLAIM_SOURCES, CLAIM_STATUSES } from '../../../../shared/filing-enums';
import { regionLabel } from '../../../../shared/regions';
import { ACTIVITY_TYPES, CONTRACT_STATUSES, STAGES } from '../../../../shared/sales-enums';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { formatFen } from '../../../../shared/values/money';
import { errorText } from '../../api/errors';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import type { CardSheet, Section } from './use-card-sheet';
import { reviewLine } from './review-words';

const dash = '—';

/** A section's table, or why the viewer gets none (not on the account's team). */
function Rows<T>(props: {
  section: Section<T>;
  columns: number;
  rows: (value: T) => ReactNode[][];
  empty: string;
}) {
  const t = useT();
  if (!props.section.ok)
    return (
      <tr>
        <td colSpan={props.columns} className="acc-sheet__hidden">
          {t('sheet.hidden', { reason: errorText(props.section.error, t) })}
        </td>
      </tr>
    );
  const rows = props.rows(props.section.value);
  if (rows.length === 0)
    return (
      <tr>
        <td colSpan={props.columns}>{props.empty}</td>
      </tr>
    );
  return (
    <>
      {rows.map((cells, i) => (
        <tr key={i}>
          {cells.map((c, j) => (
            <td key={j}>{c}</td>
          ))}
        </tr>
      ))}
    </>
  );
}

function Head({ cells }: { cells: string[] }) {
  return (
    <thead>
      <tr>
        {cells.map((c) => (
          <th key={c}>{c}</th>
        ))}
      </tr>
    </thead>
  );
}

/** "共 120 条，仅列出前 50 条" under a table cut to its first rows. */
function More({ total, shown }: { total: number; shown: number }) {
  const t = useT();
  if (total <= shown) return null;
  return <p className="acc-sheet__note">{t('sheet.more', { total, shown })}</p>;
}

export function AccountSheet(props: {
  detail: AccountDetail;
  sheet: CardSheet;
  printedBy: string;
  printedAt: string;
  className?: string;
  testId?: string;
}) {
  const { detail: d, sheet } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const none = t('sheet.none');
  const paren = (x: string) => (lang === 'zh-CN' ? `（${x}）` : ` (${x})`);
  const team = [d.owner?.name, ...d.coOwners.map((c) => c.name)].filter(Boolean).join('、');
  const profile: [string, ReactNode][] = [
    [t('account.name'), d.name],
    [t('account.uscc'), d.uscc ?? dash],
    [t('account.buyerType'), label(BUYER_TYPES, d.buyerType)],
    [t('account.orgNature'), d.orgNature ? label(ORG_NATURES, d.orgNature) : dash],
    [t('account.industry'), d.industry ? label(INDUSTRIES, d.industry) : dash],
    [t('account.region'), regionLabel(d) || dash],
    [t('account.address'), d.address ?? dash],
    [t('account.grade'), label(GRADES, d.grade)],
    [t('account.lifecycle'), label(LIFECYCLES, d.lifecycle)],
    [t('account.valueType'), d.valueType ? label(VALUE_TYPES, d.valueType) : dash],
    [t('account.source'), d.source ? label(SOURCES, d.source) : dash],
    [t('account.owner'), d.owner?.name ?? dash],
    [t('sheet.team'), team || dash],
  ];
  // Two facts per printed row.
  const profileRows: [string, ReactNode][][] = [];
  for (let i = 0; i < profile.length; i += 2) profileRows.push(profile.slice(i, i + 2));
  const fleetTotal = d.fleet.reduce((n, f) => n + f.count, 0);

  return (
    <div className={`acc-sheet ${props.className ?? ''}`} data-testid={props.testId}>
      <header className="acc-sheet__head">
        <div className="acc-sheet__kind">{t('sheet.title')}</div>
        <h1>{d.name}</h1>
        <p className="acc-sheet__meta">
          {t('sheet.printedAt', {
            time: formatDateTime(props.printedAt, lang),
            name: props.printedBy,
          })}
          {sheet.review.ok && <> · {reviewLine(sheet.review.value, t, lang)}</>}
        </p>
      </header>

      <h2>{t('sheet.profile')}</h2>
      <table className="acc-sheet__facts">
        <tbody>
          {profileRows.map((pair) => (
            <tr key={pair[0]![0]}>
              {pair.map(([k, v]) => (
                <FactCells key={k} name={k} value={v} />
              ))}
              {pair.length === 1 && <td colSpan={2} />}
            </tr>
          ))}
        </tbody>
      </table>
      {d.notes && <p className="acc-sheet__notes">{d.notes}</p>}

      <h2>{t('sheet.structure')}</h2>
      <table className="acc-sheet__facts">
        <tbody>
          <tr>
            <FactCells name={t('account.parent')} value={d.parent?.name ?? t('sheet.noParent')} />
          </tr>
        </tbody>
      </table>
      <table>
        <caption>{t('sheet.subordinates', { n: formatCount(d.subordinateCount, lang) })}</caption>
        <Head
          cells={[
            t('sheet.colName'),
            t('account.buyerType'),
            t('account.region'),
            t('account.grade'),
            t('sheet.colUnits'),
          ]}
        />
        <tbody>
          <Rows
            section={sheet.subordinates}
            columns={5}
            empty={none}
            rows={(p) =>
              p.rows.map((s) => [
                s.name,
                label(BUYER_TYPES, s.buyerType),
                regionLabel(s) || dash,
                label(GRADES, s.grade),
                formatCount(s.fleetTotal, lang),
              ])
            }
          />
        </tbody>
      </table>
      {sheet.subordinates.ok && (
        <More total={sheet.subordinates.value.total} shown={sheet.subordinates.value.rows.length} />
      )}

      <h2>{t('sheet.contacts')}</h2>
      <table>
        <Head
          cells={[
            t('contact.name'),
            t('contact.title'),
            t('contact.department'),
            t('contact.level'),
            t('contact.purchaseRole'),
            t('contact.attitude'),
            t('contact.phone'),
          ]}
        />
        <tbody>
          <Rows
            section={sheet.contacts}
            columns={7}
            empty={none}
            rows={(contacts) =>
              contacts.map((c) => [
                c.name,
                c.title ?? dash,
                c.department ?? dash,
                c.level ? label(CONTACT_LEVELS, c.level) : dash,
                c.purchaseRole ? label(PURCHASE_ROLES, c.purchaseRole) : dash,
                c.attitude ? label(ATTITUDES, c.attitude) : dash,
                c.phone ?? dash,
              ])
            }
          />
        </tbody>
      </table>
      <p className="acc-sheet__note">{t('sheet.noPersonal')}</p>

      <h2>{t('sheet.fleet')}</h2>
      <table>
        <Head
          cells={[
            t('sheet.colBrand'),
            t('sheet.colModel'),
            t('sheet.colUnits'),
            t('sheet.colYear'),
          ]}
        />
        <tbody>
          <Rows
            section={{ ok: true, value: d.fleet }}
            columns={4}
            empty={none}
            rows={(fleet) =>
              fleet.map((f) => [f.brand, f.model, formatCount(f.count, lang), f.year ?? dash])
            }
          />
        </tbody>
      </table>
      {fleetTotal > 0 && (
        <p className="acc-sheet__note">
          {t('sheet.fleetTotal', { n: formatCount(fleetTotal, lang) })}
        </p>
      )}

      <h2>{t('sheet.transactions')}</h2>
      <table>
        <Head
          cells={[
            t('sheet.colNumber'),
            t('sheet.colDate'),
            t('sheet.colUnits'),
            t('sheet.colTotal'),
            t('sheet.colStatus'),
          ]}
        />
        <tbody>
          <Rows
            section={sheet.contracts}
            columns={5}
            empty={none}
            rows={(p) =>
              p.rows.map((c) => [
                <span className="mono">{c.number}</span>,
                c.signedOn ? formatDate(c.signedOn, lang) : dash,
                formatCount(c.quantity, lang),
                formatFen(c.totalFen),
                label(CONTRACT_STATUSES, c.status),
              ])
            }
          />
        </tbody>
      </table>
      {sheet.contracts.ok && (
        <More total={sheet.contracts.value.total} shown={sheet.contracts.value.rows.length} />
      )}

      <h2>{t('sheet.opportunities')}</h2>
      <table>
        <Head
          cells={[
            t('sheet.colOpportunity'),
            t('sheet.colStage'),
            t('sheet.colUnits'),
            t('sheet.colTotal'),
            t('sheet.colExpected'),
          ]}
        />
        <tbody>
          <Rows
            section={sheet.opportunities}
            columns={5}
            empty={none}
            rows={(p) =>
              p.rows.map((o) => [
                o.title,
                label(STAGES, o.stage),
                formatCount(o.quantity, lang),
                formatFen(o.amountFen),
                o.expectedCloseOn ? formatDate(o.expectedCloseOn, lang) : dash,
              ])
            }
          />
        </tbody>
      </table>

      <h2>{t('sheet.claims')}</h2>
      <table>
        <Head
          cells={[
            t('sheet.colStatus'),
            t('sheet.colClaimant'),
            t('sheet.colFiledAt'),
            t('sheet.colExpires'),
            t('sheet.colOemRef'),
          ]}
        />
        <tbody>
          <Rows
            section={sheet.claims}
            columns={5}
            empty={none}
            rows={(p) =>
              p.rows.map((c) => [
                label(CLAIM_STATUSES, c.status),
                `${(c.source === 'ours' ? c.claimant?.name : c.dealerName) ?? dash}${paren(label(CLAIM_SOURCES, c.source))}`,
                c.filedAt ? formatDateTime(c.filedAt, lang) : dash,
                c.expiresOn ? formatDate(c.expiresOn, lang) : dash,
                c.oemReference ?? dash,
              ])
            }
          />
        </tbody>
      </table>

      <h2>{t('sheet.activities')}</h2>
      <table>
        <Head
          cells={[
            t('sheet.colDate'),
            t('sheet.colType'),
            t('sheet.colBy'),
            t('sheet.colContact'),
            t('sheet.colSummary'),
            t('sheet.colNext'),
          ]}
        />
        <tbody>
          <Rows
            section={sheet.activities}
            columns={6}
            empty={none}
            rows={(p) =>
              p.rows.map((a) => [
                <span className="nowrap">{formatDate(a.occurredOn, lang)}</span>,
                label(ACTIVITY_TYPES, a.type),
                a.staffName ?? dash,
                a.contactName ?? dash,
                a.summary ?? dash,
                a.nextStep
                  ? `${a.nextStep}${a.nextStepOn ? paren(formatDate(a.nextStepOn, lang)) : ''}`
                  : dash,
              ])
            }
          />
        </tbody>
      </table>
    </div>
  );
}

function FactCells({ name, value }: { name: string; value: ReactNode }) {
  return (
    <>
      <th>{name}</th>
      <td>{value}</td>
    </>
  );
}
