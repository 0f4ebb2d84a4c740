/** The facts of one policy rule in words (“本次 3 台，最低 5 台”), as the verdict panel shows them. */
import { BATCH_WINDOWS, type BatchWindow } from '../../../../shared/eligibility';
import { BUYER_TYPES, type BuyerType, ORG_NATURES, type OrgNature } from '../../../../shared/enums';
import type { VerdictView } from '../../../../shared/schemas/filings';
import type { EnumLabel, Translate } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatDate } from '../../lib/format';

type RuleView = VerdictView['rules'][number];

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function isBuyerType(v: string | null): v is BuyerType {
  return v !== null && v in BUYER_TYPES;
}
function isNature(v: string | null): v is OrgNature {
  return v !== null && v in ORG_NATURES;
}
function isWindow(v: string | null): v is BatchWindow {
  return v !== null && (BATCH_WINDOWS as readonly string[]).includes(v);
}

export function ruleFactsText(r: RuleView, t: Translate, label: EnumLabel, lang: Lang): string {
  const f = r.facts;
  switch (r.rule) {
    case 'government': {
      const type = str(f.buyerType);
      const channel = isBuyerType(type) ? label(BUYER_TYPES, type) : '—';
      // Verdicts frozen before organisation natures existed name the channel only.
      if (!('orgNature' in f)) return t('filings.factBuyerType', { type: channel });
      const nature = str(f.orgNature);
      const text = isNature(nature)
        ? t('filings.factNature', {
            nature: label(ORG_NATURES, nature),
            state: t(f.confirmed === true ? 'filings.natureConfirmed' : 'filings.natureSuggested'),
            type: channel,
          })
        : t('filings.factNatureUnknown', { type: channel });
      return nature === 'organ' && f.enabled === false ? t('filings.factOrganOff', { text }) : text;
    }
    case 'min_units':
      return t('filings.factUnits', { units: num(f.units) ?? '?', minimum: num(f.minimum) ?? '?' });
    case 'annual_batch': {
      const window = str(f.window);
      if (isWindow(window)) {
        const threshold = num(f.threshold) ?? '?';
        const batch = str(f.batch);
        return batch
          ? t('filings.factBatchWindow', {
              threshold,
              batch,
              units: num(f.batchUnits) ?? '?',
              date: formatDate(str(f.batchOn), lang),
              reading: t(`filings.batchReading.${window}`, {
                until: formatDate(str(f.until), lang),
              }),
            })
          : t('filings.factNoBatchWindow', {
              threshold,
              window: t(`filings.batchWindow.${window}`),
            });
      }
      // A verdict frozen before the window was a setting read “the rest of that year”.
      const year = str(f.year) ?? '';
      const threshold = num(f.threshold) ?? '?';
      const batch = str(f.batch);
      return batch
        ? t('filings.factBatch', {
            year,
            threshold,
            batch,
            units: num(f.batchUnits) ?? '?',
            date: formatDate(str(f.batchOn), lang),
          })
        : t('filings.factNoBatch', { year, threshold });
    }
    case 'retail_cap': {
      const above = str(f.linesAboveRetail);
      return above ? t('filings.factAboveRetail', { models: above }) : t('filings.factNoneAbove');
    }
    case 'floor': {
      const below = str(f.linesBelowFloor);
      const unapproved = str(f.withoutApproval);
      if (!below) return t('filings.factNoneBelow');
      return unapproved
        ? t('filings.factBelowUnapproved', { models: unapproved })
        : t('filings.factBelowApproved', { models: below });
    }
  }
}
