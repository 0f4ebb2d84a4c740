/**
 * What the demo's sales seeding steps share: the loader's transaction, the clock and today, the
 * random source, the price list, the head offices' units and the running serial numbers.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { BuyerType, Source } from '../../shared/enums';
import type { PriceListEntry } from '../../shared/schemas/contracts';
import type { Database } from '../db/schema';
import type { Random } from './random';

export interface DemoSalesInput {
  accounts: {
    id: number;
    name: string;
    buyerType: BuyerType;
    ownerId: number | null;
    parentId: number | null;
    source: Source | null;
  }[];
  managerId: number;
  adminId: number;
  seed?: number;
}

export interface DemoSalesSummary {
  opportunities: number;
  tenders: number;
  contracts: number;
  deliveries: number;
  activities: number;
}

export type DemoAccount = DemoSalesInput['accounts'][number];

export interface SalesSeed {
  trx: Kysely<Database>;
  clock: Clock;
  r: Random;
  input: DemoSalesInput;
  today: string;
  /** The date `offset` days from today. */
  day: (offset: number) => string;
  summary: DemoSalesSummary;
  prices: PriceListEntry[];
  /** Each head office's units (subordinate accounts). */
  subordinatesOf: Map<number, number[]>;
  /** The next serial numbers of VINs, tender projects, contracts and invoices. */
  serial: { vin: number; tender: number; contract: number; invoice: number };
}
