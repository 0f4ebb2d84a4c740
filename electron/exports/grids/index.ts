/** Every grid that exports through `exports.grid`, by name (one file each in this folder). */
import type { GridName } from '../../../shared/schemas/grid-exports';
import type { GridExport } from '../grid-entry';
import { activitiesExport } from './activities';
import { claimsExport } from './claims';
import { contractsExport } from './contracts';
import { deliveriesExport } from './deliveries';
import { filingsExport } from './filings';
import { invoicesExport } from './invoices';
import { lotResultsExport } from './lot-results';
import { opportunitiesExport } from './opportunities';
import { tendersExport } from './tenders';

export const GRID_EXPORTS: Record<GridName, GridExport> = {
  opportunities: opportunitiesExport,
  tenders: tendersExport,
  lotResults: lotResultsExport,
  contracts: contractsExport,
  deliveries: deliveriesExport,
  invoices: invoicesExport,
  activities: activitiesExport,
  claims: claimsExport,
  filings: filingsExport,
};
