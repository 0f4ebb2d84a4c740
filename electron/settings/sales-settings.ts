/** The sales settings (stage probabilities, follow-up days, reminder lead time), stored as JSON. */
import { type SalesSettings, salesSettings } from '../../shared/schemas/sales-settings';
import { DEFAULT_PROBABILITIES } from '../../shared/sales-enums';
import { storedSettings } from './stored-settings';

const DEFAULT_SALES_SETTINGS: SalesSettings = {
  probabilities: { ...DEFAULT_PROBABILITIES },
  followUpDays: [7, 30],
  reminderLeadHours: 48,
  paymentTermDays: 30,
};

const stored = storedSettings('sales', salesSettings, DEFAULT_SALES_SETTINGS, 'settings.sales');
export const getSalesSettings = stored.get;
export const setSalesSettings = stored.set;
