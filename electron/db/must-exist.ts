/**
 * "Load it or say it is not there": a record looked up by id that is missing is a NOT_FOUND
 * error worded the same way everywhere (`<what> #<id> does not exist`).
 */
import { AppError } from '../../shared/result';

export function mustExist<T>(row: T | null | undefined, what: string, id: number): T {
  if (row === null || row === undefined)
    throw new AppError('NOT_FOUND', `${what} #${id} does not exist`);
  return row;
}
