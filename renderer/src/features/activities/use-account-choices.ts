/** The opportunities and contacts an activity of an account may refer to. */
import { useEffect, useState } from 'react';
import type { Contact } from '../../../../shared/schemas/contacts';
import type { OpportunityRow } from '../../../../shared/schemas/opportunities';
import { isOpenStage } from '../../../../shared/sales-enums';
import { call } from '../../api/client';

interface Choices {
  accountId: number;
  opportunities: OpportunityRow[];
  contacts: Contact[];
}

const OPPORTUNITY_LIMIT = 200;

export function useAccountChoices(accountId: number | null) {
  const [loaded, setLoaded] = useState<Choices | null>(null);

  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void Promise.all([
      call('opportunities.list', {
        filters: [{ field: 'accountId', op: 'in', values: [String(accountId)] }],
        sort: [{ field: 'updatedAt', desc: true }],
        limit: OPPORTUNITY_LIMIT,
      }),
      call('contacts.list', { accountId }),
    ]).then(([opportunities, contacts]) => {
      if (!live) return;
      // Either list failing only leaves its select empty: both fields are optional.
      const rows = opportunities.ok ? opportunities.value.rows : [];
      setLoaded({
        accountId,
        // Open opportunities first: those are the ones activities are about.
        opportunities: [...rows].sort(
          (a, b) => Number(isOpenStage(b.stage)) - Number(isOpenStage(a.stage)),
        ),
        contacts: contacts.ok ? contacts.value : [],
      });
    });
    return () => {
      live = false;
    };
  }, [accountId]);

  const current = loaded && loaded.accountId === accountId ? loaded : null;
  return {
    opportunities: current?.opportunities ?? [],
    contacts: current?.contacts ?? [],
    loading: accountId !== null && current === null,
  };
}
