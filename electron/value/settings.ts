/** The account-value settings (cut-offs, KA thresholds, weights, 冰点 days, service life), stored as JSON. */
import {
  DEFAULT_VALUE_SETTINGS,
  valueSettings,
  type ValueSettings,
} from '../../shared/schemas/value';
import { storedSettings } from '../settings/stored-settings';

const stored = storedSettings<ValueSettings>(
  'value',
  valueSettings,
  DEFAULT_VALUE_SETTINGS,
  'settings.value',
);
export const getValueSettings = stored.get;
export const setValueSettings = stored.set;
