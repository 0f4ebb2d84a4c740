/**
 * The dispute dossier of a claim: the dated timeline of every development activity on the account,
 * every recorded step of the claim and every document, for arbitration by the manufacturer. Read
 * by the printable view (claims.dossier) and written as .xlsx by an export job (dossier-export.ts).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { CLAIM_ACTIONS } from '../../shared/filing-enums';
import type { ClaimDetail } from '../../shared/schemas/claims';
import type { Dossier, DossierEvent } from '../../shared/schemas/reports';
import type { Database } from '../db/schema';
import { mustGetClaim } from './record';
import { claimAuditEntries } from './repository';

/** Claim history from the audit log, which nobody can rewrite: what the dossier dates rest on. */
async function claimHistory(db: Kysely<Database>, claimId: number): Promise<DossierEvent[]> {
  const rows = await claimAuditEntries(db, claimId);
  return rows
    .filter((r) => r.action in CLAIM_ACTIONS && r.action !== 'documents.attach')
    .map((r) => {
      const after = r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : {};
      const detail = ['reply', 'note', 'reason', 'addressee', 'oemReference', 'expiresOn']
        .filter((k) => typeof after[k] === 'string' && after[k] !== '')
        .map((k) => String(after[k]))
        .join(' · ');
      return {
        at: r.at,
        kind: 'claim' as const,
        code: r.action,
        detail: detail || null,
        staffName: r.name,
      };
    });
}

export async function buildDossier(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  claimId: number,
): Promise<{ claim: ClaimDetail; dossier: Dossier }> {
  const claim = await mustGetClaim(db, clock, dataDir, claimId);
  const events: DossierEvent[] = [
    ...claim.activities.map((a) => ({
      at: a.occurredOn,
      kind: 'activity' as const,
      code: a.type,
      detail: [a.summary, a.outcome].filter(Boolean).join(' · ') || null,
      staffName: a.staffName,
    })),
    ...(await claimHistory(db, claimId)),
    ...claim.documents.map((d) => ({
      at: d.uploadedAt,
      kind: 'document' as const,
      code: d.kind,
      detail: `${d.fileName} · SHA-256 ${d.sha256}`,
      staffName: d.uploadedBy?.name ?? null,
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { claim, dossier: { claimId, accountName: claim.accountName, events } };
}
