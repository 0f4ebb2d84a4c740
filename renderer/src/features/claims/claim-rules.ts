/**
 * What the claims UI offers whom, mirroring the backend's rules (electron/claims/ workflows) so a
 * button is only shown when the call can succeed: the claimant or a manager acts on our claims,
 * anyone on another dealer's record; managers answer authorisation requests.
 */
import { addDays } from '../../../../shared/dates';
import { ACTIVE_CLAIM_STATUSES, type ClaimStatus } from '../../../../shared/filing-enums';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import type { Staff } from '../../../../shared/schemas/staff';

export type ClaimAction =
  | 'edit'
  | 'file'
  | 'requestAuth'
  | 'answerAuth'
  | 'reply'
  | 'wish'
  | 'renew'
  | 'release'
  | 'delete';

export const isManager = (user: Pick<Staff, 'role'>) => user.role !== 'specialist';

export function isActiveClaim(status: ClaimStatus): boolean {
  return (ACTIVE_CLAIM_STATUSES as readonly ClaimStatus[]).includes(status);
}

export function mayChange(detail: ClaimDetail, user: Pick<Staff, 'id' | 'role'>): boolean {
  return detail.source !== 'ours' || detail.claimant?.id === user.id || isManager(user);
}

export function claimActions(detail: ClaimDetail, user: Pick<Staff, 'id' | 'role'>): ClaimAction[] {
  const actions: ClaimAction[] = [];
  const ours = detail.source === 'ours';
  const draft = detail.status === 'draft';
  const active = isActiveClaim(detail.status);
  // Answering is a manager's, whoever drafted the claim.
  const canAnswer = isManager(user) && detail.authState === 'requested';
  if (!mayChange(detail, user)) return canAnswer ? ['answerAuth'] : [];
  if (draft) {
    actions.push('file', 'edit');
    if (!detail.inTerritory && detail.authState !== 'granted') actions.push('requestAuth');
  }
  if (canAnswer) actions.push('answerAuth');
  if (ours && (detail.status === 'filed' || detail.status === 'conflict')) actions.push('reply');
  if (draft || active) actions.push('wish');
  if (ours && active) actions.push('renew');
  if (active) actions.push('release');
  if (draft) actions.push('delete');
  return actions;
}

/** Whole days from `today` to `isoDate` (negative when past). */
export function daysUntil(isoDate: string, today: string): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return Math.round(day(isoDate) - day(today));
}

/** An active claim whose protection ends within the warning period. */
export function endingSoon(
  claim: { status: ClaimStatus; expiresOn: string | null },
  today: string,
  warnDays: number,
): boolean {
  return (
    isActiveClaim(claim.status) &&
    claim.expiresOn !== null &&
    daysUntil(claim.expiresOn, today) <= warnDays
  );
}

/** Where a renewal starts and ends: from the current end, or today once it has passed. */
export function renewal(
  claim: { expiresOn: string | null; protectionDays: number },
  today: string,
): { from: string; to: string } {
  const from = claim.expiresOn && claim.expiresOn > today ? claim.expiresOn : today;
  return { from, to: addDays(from, claim.protectionDays) };
}

/**
 * Whether a region lies in our territory (a province or city code covers everything in it; an
 * empty territory covers everything), as electron/settings/filing-settings.ts decides when saving.
 */
export function inTerritory(territory: readonly string[], code: string | null): boolean {
  if (territory.length === 0) return true;
  if (code === null) return false;
  return territory.some((t) =>
    t.endsWith('0000')
      ? code.slice(0, 2) === t.slice(0, 2)
      : t.endsWith('00')
        ? code.slice(0, 4) === t.slice(0, 4)
        : code === t,
  );
}
