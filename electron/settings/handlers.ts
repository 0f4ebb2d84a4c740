/** settings.*: the store's sales, filing, dealer and contract-numbering settings. */
import type { Deps } from '../app/deps';
import { getContractNumbering, setContractNumbering } from '../contracts/numbering';
import type { Handlers } from '../transport/dispatch';
import { getDealerSettings, setDealerSettings } from './dealer-settings';
import { getFilingSettings, setFilingSettings } from './filing-settings';
import { getSalesSettings, setSalesSettings } from './sales-settings';
import { writeTx } from '../db/tx';
import { moveReceivableDeadlines } from '../payments/receivable-deadline';

type SettingsHandlers = Pick<
  Handlers,
  | 'settings.sales'
  | 'settings.setSales'
  | 'settings.filing'
  | 'settings.setFiling'
  | 'settings.dealer'
  | 'settings.setDealer'
  | 'settings.contractNumbering'
  | 'settings.setContractNumbering'
>;

export function settingsHandlers({ db, clock }: Deps): SettingsHandlers {
  return {
    'settings.sales': () => getSalesSettings(db),
    // A new payment term moves every receivable's due date with it, in the same transaction.
    'settings.setSales': (next, { session }) => {
      const manager = session.requireManager();
      return writeTx(db, async (trx) => {
        const before = await getSalesSettings(trx);
        await moveReceivableDeadlines(trx, before.paymentTermDays, next.paymentTermDays);
        return setSalesSettings(trx, manager.id, next, clock);
      });
    },
    'settings.filing': () => getFilingSettings(db),
    'settings.setFiling': (next, { session }) =>
      setFilingSettings(db, session.requireManager().id, next, clock),
    'settings.dealer': () => getDealerSettings(db),
    'settings.setDealer': (next, { session }) =>
      setDealerSettings(db, session.requireManager().id, next, clock),
    // The numbering rule is kept by the contracts' numbering service, which applies it.
    'settings.contractNumbering': () => getContractNumbering(db),
    'settings.setContractNumbering': (next, { session }) =>
      setContractNumbering(db, session.requireManager().id, next, clock),
  };
}
