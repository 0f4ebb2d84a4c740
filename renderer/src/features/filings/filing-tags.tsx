/** A filing's status tag, and the ✓ / ✗ / 不适用 mark of a rule or a check. */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { FILING_STATUSES, type FilingStatus } from '../../../../shared/filing-enums';
import { useEnumLabel, useT } from '../../i18n/context';

const STATUS_COLORS: Record<FilingStatus, string> = {
  draft: 'default',
  submitted: 'green',
  withdrawn: 'red',
};

export function FilingStatusTag({ value }: { value: FilingStatus }) {
  const label = useEnumLabel();
  return (
    <Tag color={STATUS_COLORS[value]} className="cell-tag" data-status={value}>
      {label(FILING_STATUSES, value)}
    </Tag>
  );
}

/** null: the rule or check does not apply to this sale (shown grey, never deciding). */
export function PassMark({ pass }: { pass: boolean | null }) {
  const t = useT();
  if (pass === null)
    return (
      <span className="fil-mark fil-mark--na" data-pass="na">
        {t('filings.notApplicable')}
      </span>
    );
  return pass ? (
    <span className="fil-mark fil-mark--pass" data-pass="pass" title={t('filings.pass')}>
      <CheckOutlined />
    </span>
  ) : (
    <span className="fil-mark fil-mark--fail" data-pass="fail" title={t('filings.fail')}>
      <CloseOutlined />
    </span>
  );
}

/** 符合 / 不符合, the policy's overall verdict. */
export function EligibleTag({ eligible, testId }: { eligible: boolean; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={eligible ? 'green' : 'red'}
      className="cell-tag"
      data-eligible={eligible ? 'yes' : 'no'}
      data-testid={testId}
    >
      {eligible ? t('filings.eligible') : t('filings.notEligible')}
    </Tag>
  );
}
