/**
 * The server's field issues placed under the form fields they concern; whatever has no field in
 * the form is left for an alert above it.
 */
import type { FormInstance } from 'antd';
import type { ApiError } from '../../../shared/result';
import { fieldIssues, issueText } from '../api/errors';
import type { Translate } from '../i18n/context';

type FieldName = (string | number)[];

/**
 * `nameOf` turns a server path (`lines.0.unitPriceFen`) into a form field name, or null.
 * Returns the error still to show in an alert (null when every issue found its field).
 */
export function placeIssues<V>(
  form: FormInstance<V>,
  error: ApiError,
  t: Translate,
  nameOf: (path: string) => FieldName | null,
): ApiError | null {
  const issues = error.code === 'INTERNAL' ? [] : fieldIssues(error);
  if (issues.length === 0) return error;
  const placed: { name: FieldName; errors: string[] }[] = [];
  const unplaced = issues.filter((issue) => {
    const name = nameOf(issue.path);
    if (name) placed.push({ name, errors: [issueText(issue, t)] });
    return name === null;
  });
  form.setFields(placed as Parameters<FormInstance<V>['setFields']>[0]);
  if (placed[0]) form.scrollToField(placed[0].name);
  return unplaced.length > 0 ? { ...error, details: { fields: unplaced } } : null;
}

/** A flat form whose field names are the input's own (`number`, `vin`, `amountFen`). */
export function sameNames(fields: readonly string[], prefix = '') {
  return (path: string): FieldName | null => {
    const bare = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    return fields.includes(bare) ? [bare] : null;
  };
}
