/**
 * 证明材料: the checklist of this buyer type (required first; a missing one marked 缺) with a
 * one-click upload per kind, then every attached document with its integrity. Only a draft takes
 * new documents: a submitted filing's evidence is frozen with it.
 */
import { Card, Tag } from 'antd';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_VALUES,
  type DocumentKind,
} from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import { AttachButton } from '../../components/documents/AttachButton';
import { DocumentsPanel } from '../../components/documents/DocumentsPanel';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { PassMark } from './filing-tags';

type Entry = FilingDetail['checklist'][number];

/** Required before extra, keeping the checklist's own order within each. */
const ordered = (list: Entry[]) => [
  ...list.filter((e) => e.required),
  ...list.filter((e) => !e.required),
];

/** The attach select starts on the first missing required kind, then the rest of the checklist. */
function attachKinds(list: Entry[]): DocumentKind[] {
  const first = [
    ...list.filter((e) => e.required && e.documents.length === 0).map((e) => e.kind),
    ...list.map((e) => e.kind),
  ];
  return [...new Set([...first, ...DOCUMENT_KIND_VALUES])];
}

export function EvidencePanel(props: { detail: FilingDetail; onChanged: () => void }) {
  const { detail, onChanged } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const draft = detail.status === 'draft';
  const entries = ordered(detail.checklist);
  const missing = entries.filter((e) => e.required && e.documents.length === 0).length;
  const documents = entries.flatMap((e) => e.documents).sort((a, b) => a.id - b.id);

  return (
    <Card
      size="small"
      className="fil-panel"
      title={t('filings.evidenceTitle')}
      extra={
        missing > 0 ? (
          <Tag color="red" className="cell-tag">
            {t('filings.evidenceMissing', { n: missing })}
          </Tag>
        ) : (
          <Tag color="green" className="cell-tag">
            {t('filings.evidenceComplete')}
          </Tag>
        )
      }
      data-testid="filing-evidence"
    >
      <ul className="fil-lines fil-checklist">
        {entries.map((e) => {
          const absent = e.documents.length === 0;
          return (
            <li
              key={e.kind}
              className="fil-line"
              data-testid={`evidence-${e.kind}`}
              data-state={absent ? 'missing' : 'present'}
            >
              {absent && e.required ? (
                <span
                  className="fil-mark fil-mark--missing"
                  data-testid={`evidence-missing-${e.kind}`}
                >
                  {t('filings.missingMark')}
                </span>
              ) : (
                <PassMark pass={absent ? null : true} />
              )}
              <div className="fil-line__body fil-checklist__body">
                <span className="fil-line__name">{label(DOCUMENT_KINDS, e.kind)}</span>
                <span className="fil-muted">
                  {e.required ? t('filings.required') : t('filings.extra')}
                  {!absent &&
                    ` · ${t('filings.documentCount', { n: formatCount(e.documents.length, lang) })}`}
                </span>
              </div>
              {draft && (
                <AttachButton
                  entity="filing"
                  entityId={detail.id}
                  kind={e.kind}
                  size="small"
                  onAttached={onChanged}
                />
              )}
            </li>
          );
        })}
      </ul>
      <DocumentsPanel
        entity="filing"
        entityId={detail.id}
        documents={documents}
        kinds={attachKinds(entries)}
        canAttach={draft}
        canRemove={draft}
        onChanged={onChanged}
        testId="filing-documents"
      />
    </Card>
  );
}
