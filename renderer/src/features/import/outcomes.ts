/** How each row outcome is named and coloured, the same in the counts, the filter and the report. */
import type { ImportOutcome } from '../../../../shared/schemas/imports';
import type { MessageKey } from '../../i18n/messages-zh';

export const OUTCOME_KEYS: Record<ImportOutcome, MessageKey> = {
  create: 'import.outcome.create',
  update: 'import.outcome.update',
  unchanged: 'import.outcome.unchanged',
  reject: 'import.outcome.reject',
};

export const OUTCOME_COLORS: Record<ImportOutcome, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  reject: 'red',
};

/** Statistic colours (antd's green-7, blue-6, red-6): readable on white, like the tags. */
export const OUTCOME_TEXT_COLORS: Record<ImportOutcome, string> = {
  create: '#389e0d',
  update: '#1f5fbf',
  unchanged: 'rgba(0, 0, 0, 0.45)',
  reject: '#cf1322',
};
