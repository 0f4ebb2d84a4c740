/** The prices.* methods of the API contract (served from electron/prices/). */
import { z } from 'zod';
import { id } from '../schemas/common';
import { priceListEntry, priceListInput } from '../schemas/contracts';
import { pageSchema } from '../list';
import { method, byId, done } from './method';

export const pricesMethods = {
  'prices.list': method(
    z
      .object({
        q: z.string().max(100).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .default({ q: '', offset: 0, limit: 100 }),
    pageSchema(priceListEntry),
    'The price list: retail price and floor per model.',
  ),
  'prices.save': method(
    z.object({ id: id.nullable().default(null), entry: priceListInput }),
    priceListEntry,
    'Managers: add or change a model’s retail price and floor.',
  ),
  'prices.delete': method(byId, done, 'Managers: remove a model that no contract line uses.'),
} as const;
