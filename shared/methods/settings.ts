/** The settings.* methods of the API contract (served from electron/settings/). */
import { empty } from '../schemas/common';
import { contractNumbering } from '../schemas/contract-numbering';
import { salesSettings } from '../schemas/sales-settings';
import { filingSettings } from '../schemas/filing-settings';
import { dealerSettings } from '../schemas/dealer-settings';
import { method } from './method';

export const settingsMethods = {
  'settings.contractNumbering': method(
    empty,
    contractNumbering,
    'The contract numbering pattern, e.g. HT{yyyy}-{seq:4}.',
  ),
  'settings.setContractNumbering': method(
    contractNumbering,
    contractNumbering,
    'Managers: change the contract numbering pattern.',
  ),
  'settings.sales': method(
    empty,
    salesSettings,
    'Stage probabilities, follow-up days, reminder lead time.',
  ),
  'settings.setSales': method(salesSettings, salesSettings, 'Managers: change the sales settings.'),
  'settings.filing': method(
    empty,
    filingSettings,
    'Territory, claim protection period, expiry warning and the incentive policy.',
  ),
  'settings.setFiling': method(
    filingSettings,
    filingSettings,
    'Managers: change the claim and filing settings.',
  ),
  'settings.dealer': method(
    empty,
    dealerSettings,
    'Our dealership: its name, manufacturer dealer code (经销商代码) and brand.',
  ),
  'settings.setDealer': method(
    dealerSettings,
    dealerSettings,
    'Managers: change the dealership’s name, code and brand.',
  ),
} as const;
