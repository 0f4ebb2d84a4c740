/**
 * Everything the printed account card (大客户档案卡) shows besides the account itself, read through
 * the same methods as the card's tabs, in parallel: subordinates, contacts (their roles; never the
 * personal details), the contracts, the open opportunities, the claims, the last activities and the
 * review status. A section the viewer may not read (not on the account's team) carries its refusal
 * instead of rows, so the sheet says so rather than failing whole.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api';
import type { ApiError, Result } from '../../../../shared/result';
import { OPEN_STAGES } from '../../../../shared/sales-enums';
import { call } from '../../api/client';

/** Rows shown per section: a card on paper, not an export. */
export const SHEET_ROWS = { subordinates: 50, contracts: 30, activities: 10 } as const;

export type Section<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface CardSheet {
  subordinates: Section<Output<'accounts.list'>>;
  contacts: Section<Output<'contacts.list'>>;
  contracts: Section<Output<'contracts.list'>>;
  opportunities: Section<Output<'opportunities.list'>>;
  claims: Section<Output<'claims.list'>>;
  activities: Section<Output<'activities.list'>>;
  review: Section<Output<'reviews.ofAccount'>>;
}

const section = <T>(r: Result<T>): Section<T> => (r.ok ? r : { ok: false, error: r.error });

async function loadSheet(accountId: number): Promise<CardSheet> {
  const of = [{ field: 'accountId', op: 'in' as const, values: [String(accountId)] }];
  const [subordinates, contacts, contracts, opportunities, claims, activities, review] =
    await Promise.all([
      call('accounts.list', {
        filters: [{ field: 'parentId', op: 'in', values: [String(accountId)] }],
        sort: [{ field: 'name', desc: false }],
        limit: SHEET_ROWS.subordinates,
      }),
      call('contacts.list', { accountId }),
      call('contracts.list', {
        filters: [{ field: 'accountId', op: 'in', values: [String(accountId)] }],
        sort: [{ field: 'signedOn', desc: true }],
        limit: SHEET_ROWS.contracts,
      }),
      call('opportunities.list', {
        filters: [...of, { field: 'stage', op: 'in', values: [...OPEN_STAGES] }],
        sort: [
          { field: 'stage', desc: false },
          { field: 'expectedCloseOn', desc: false },
        ],
        limit: 100,
      }),
      call('claims.list', { filters: of, sort: [{ field: 'filedAt', desc: true }], limit: 50 }),
      call('activities.list', {
        filters: of,
        sort: [{ field: 'occurredOn', desc: true }],
        limit: SHEET_ROWS.activities,
      }),
      call('reviews.ofAccount', { accountId }),
    ]);
  return {
    subordinates: section(subordinates),
    contacts: section(contacts),
    contracts: section(contracts),
    opportunities: section(opportunities),
    claims: section(claims),
    activities: section(activities),
    review: section(review),
  };
}

/** The sheet of `accountId`, loaded while `accountId` is set (the preview is open). */
export function useCardSheet(accountId: number | null): CardSheet | null {
  const [sheet, setSheet] = useState<{ id: number; sheet: CardSheet } | null>(null);
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void loadSheet(accountId).then((s) => {
      if (live) setSheet({ id: accountId, sheet: s });
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  return sheet && sheet.id === accountId ? sheet.sheet : null;
}
