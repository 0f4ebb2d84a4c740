/**
 * Exact duplicate names. An account whose legal name is the very same as an existing one's (width,
 * case, spaces, brackets and punctuation aside: 北京市（朝阳区）某某有限公司 = 北京市(朝阳区)某某有限公司)
 * is not a "similar" account to wave through: saving it needs a confirmation that names the
 * existing account by its id, and the audit entry records which accounts were confirmed.
 * Similar names (某某有限公司 / 某某有限责任公司, an alias) keep the lighter "save anyway".
 */
import type { DuplicateMatch } from '../../shared/schemas/accounts';
import { AppError } from '../../shared/result';
import { legalNameKey } from '../../shared/text';

/** The name matches that carry the candidate's own legal name become `sameName`. */
export function markSameName(name: string, matches: DuplicateMatch[]): DuplicateMatch[] {
  const key = legalNameKey(name);
  return matches.map((m) =>
    m.matchedOn === 'name' && legalNameKey(m.name) === key
      ? { ...m, matchedOn: 'sameName' as const }
      : m,
  );
}

export interface SameNameConfirmed {
  id: number;
  name: string;
}

/**
 * Refuses unless every same-name account is named in `confirmed`; returns the ones confirmed,
 * for the audit entry.
 */
export function guardSameName(
  matches: readonly DuplicateMatch[],
  confirmed: readonly number[],
): SameNameConfirmed[] {
  const same = matches.filter((m) => m.matchedOn === 'sameName');
  const missing = same.filter((m) => !confirmed.includes(m.id));
  if (missing.length > 0)
    throw new AppError(
      'CONFLICT',
      `an account of the very same name exists: ${missing.map((m) => `"${m.name}" (#${m.id})`).join(', ')}; confirm by its id that this is another organisation`,
      { kind: 'same_name', matches: same },
    );
  return same.map((m) => ({ id: m.id, name: m.name }));
}
