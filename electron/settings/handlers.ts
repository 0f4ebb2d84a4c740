import type { Deps } from '../app/deps';
import { deletePrice, listPrices, savePrice } from '../pricing/price-list';
import type { Handlers } from '../transport/dispatch';
import { getDealerSettings, setDealerSettings } from './dealer-settings';
import { getFilingSettings, setFilingSettings } from './filing-settings';
import { getSalesSettings, setSalesSettings } from './sales-settings';

type SettingsHandlers = Pick<
  Handlers,
  | 'settings.sales'
  | 'settings.setSales'
  | 'settings.filing'
  | 'settings.setFiling'
  | 'settings.dealer'
  | 'settings.setDealer'
  | 'prices.list'
  | 'prices.save'
  | 'prices.delete'
>;

export function settingsHandlers({ db, clock }: Deps): SettingsHandlers {
  return {
    'settings.sales': () => getSalesSettings(db),
    'settings.setSales': (next, { session }) =>
      setSalesSettings(db, session.requireManager().id, next, clock),
    'settings.filing': () => getFilingSettings(db),
    'settings.setFiling': (next, { session }) =>
      setFilingSettings(db, session.requireManager().id, next, clock),
    'settings.dealer': () => getDealerSettings(db),
    'settings.setDealer': (next, { session }) =>
      setDealerSettings(db, session.requireManager().id, next, clock),
    'prices.list': ({ q, offset, limit }) => listPrices(db, q, offset, limit),
    'prices.save': ({ id, entry }, { session }) =>
      savePrice(db, clock, session.requireManager().id, id, entry),
    'prices.delete': async ({ id }, { session }) => {
      await deletePrice(db, clock, session.requireManager().id, id);
      return { done: true };
    },
  };
}
