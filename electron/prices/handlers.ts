/** prices.*: the price list managers keep (market retail price and policy floor per model). */
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { deletePrice, listPrices, savePrice } from './price-list';

type PriceHandlers = Pick<Handlers, 'prices.list' | 'prices.save' | 'prices.delete'>;

export function priceHandlers({ db, clock }: Deps): PriceHandlers {
  return {
    'prices.list': ({ q, offset, limit }) => listPrices(db, q, offset, limit),
    'prices.save': ({ id, entry }, { session }) =>
      savePrice(db, clock, session.requireManager().id, id, entry),
    'prices.delete': async ({ id }, { session }) => {
      await deletePrice(db, clock, session.requireManager().id, id);
      return { done: true };
    },
  };
}
