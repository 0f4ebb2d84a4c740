/** The dealer settings (name, manufacturer code, brand), stored as JSON under their own key. */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/result';
import { type DealerSettings, dealerSettings } from '../../shared/schemas/dealer-settings';
import type { Database } from '../db/schema';
import { storedSettings } from './stored-settings';

const DEFAULT_DEALER_SETTINGS: DealerSettings = { name: '', code: '', brand: '' };

const stored = storedSettings('dealer', dealerSettings, DEFAULT_DEALER_SETTINGS, 'settings.dealer');
export const getDealerSettings = stored.get;
export const setDealerSettings = stored.set;

/**
 * The filing report names the dealer on every row and in its heading: without the dealership's
 * name and manufacturer code it is refused (before any work starts), saying where to set them.
 */
export async function mustHaveDealer(db: Kysely<Database>): Promise<DealerSettings> {
  const dealer = await getDealerSettings(db);
  if (dealer.name === '' || dealer.code === '')
    throw new AppError('VALIDATION', 'the dealership name and dealer code are not set', {
      kind: 'report.dealer_missing',
      missing: [dealer.name === '' && 'name', dealer.code === '' && 'code'].filter(Boolean),
    });
  return dealer;
}
