/** The value.* methods of the API contract (served from electron/value/): account value, issue 15. */
import { z } from 'zod';
import { empty } from '../schemas/common';
import {
  accountValue,
  accountValueDetail,
  forecastInput,
  forecastResult,
  paretoInput,
  paretoResult,
  scorecardInput,
  scorecardResult,
  valueSettings,
} from '../schemas/value';
import { id } from '../schemas/common';
import { method } from './method';

export const valueMethods = {
  'value.pareto': method(
    paretoInput,
    paretoResult,
    'The 20/80 and ABC table of a period on revenue, units or margin: your teams’ accounts, or every account for managers.',
  ),
  'value.account': method(
    z.object({ id }),
    accountValueDetail,
    'An account’s facts, value class, segment, KA qualification and scorecard, with its contracts (the 交易 tab).',
  ),
  'value.scorecard': method(
    scorecardInput,
    scorecardResult,
    'Accounts by weighted score with segments and KA qualification, each score explained line by line.',
  ),
  'value.forecast': method(
    forecastInput,
    forecastResult,
    'Fleet lines due for replacement by month (their year plus the service life).',
  ),
  'value.drift': method(
    empty,
    z.object({ rows: z.array(accountValue) }),
    'Your accounts that are drifting away (迁移), for 我的今天.',
  ),
  'value.settings': method(empty, valueSettings, 'Account-value settings.'),
  'value.setSettings': method(
    valueSettings,
    valueSettings,
    'Managers: set the ABC cut-offs, KA thresholds, scorecard weights, 冰点 days and service life.',
  ),
} as const;
