/** Opening a calendar item: the card of its tender, contract or opportunity, or its activity. */
import { useCallback } from 'react';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { recordPath, type Section, useHashRoute } from '../../lib/use-hash-route';

type Target = CalendarItem['target'];
type Openable = Pick<CalendarItem, 'target' | 'accountId'>;

const SECTION_OF: Record<Target['entity'], Section> = {
  tender: 'tenders',
  contract: 'contracts',
  opportunity: 'opportunities',
  activity: 'activities',
  claim: 'claims',
};

export function targetPath(target: Target): string {
  return recordPath(SECTION_OF[target.entity], target.id);
}

export function useOpenItem(): (item: Openable) => void {
  const { navigate } = useHashRoute();
  return useCallback((item: Openable) => navigate(targetPath(item.target)), [navigate]);
}
