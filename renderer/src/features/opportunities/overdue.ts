/** An open opportunity whose expected close date has passed (business days are China's). */
import { chinaDate } from '../../../../shared/dates';
import { isOpenStage, type Stage } from '../../../../shared/sales-enums';

export function isOverdue(o: { stage: Stage; expectedCloseOn: string | null }): boolean {
  return o.expectedCloseOn !== null && isOpenStage(o.stage) && o.expectedCloseOn < chinaDate();
}
