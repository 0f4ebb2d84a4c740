/**
 * Who and when on a new row: a record's insert sets its created and updated stamps to the same
 * person and moment (the versioned tables' `version` starts at its column default).
 */

/** The four stamp columns of a row `by` inserts `at`. */
export function newRowStamps(by: number, at: string) {
  return { created_at: at, updated_at: at, created_by: by, updated_by: by };
}
