/** The dealer settings (name, manufacturer code, brand), stored as JSON under their own key. */
import { type DealerSettings, dealerSettings } from '../../shared/schemas/dealer-settings';
import { storedSettings } from './stored-settings';

const DEFAULT_DEALER_SETTINGS: DealerSettings = { name: '', code: '', brand: '' };

const stored = storedSettings('dealer', dealerSettings, DEFAULT_DEALER_SETTINGS, 'settings.dealer');
export const getDealerSettings = stored.get;
export const setDealerSettings = stored.set;
