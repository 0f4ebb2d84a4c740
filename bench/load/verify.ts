/**
 * After the server has stopped: every write it acknowledged must be in the database file, with
 * the text it was sent with. Opened read-only, so looking cannot change what is looked at.
 */
import Database from 'better-sqlite3';
import type { Ledger } from './user';

export interface Verification {
  acknowledged: number;
  found: number;
  lost: { table: string; id: number | string }[];
}

export function verifyLedger(dbFile: string, ledger: Ledger): Verification {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const lost: Verification['lost'] = [];
    let acknowledged = 0;
    const check = (table: string, column: string, entries: Map<number, string>) => {
      const get = db.prepare(`select ${column} from ${table} where id = ?`).pluck();
      for (const [id, text] of entries) {
        acknowledged++;
        if (get.get(id) !== text) lost.push({ table, id });
      }
    };
    check('activities', 'summary', ledger.activities);
    check('opportunities', 'title', ledger.opportunities);
    check('claims', 'notes', ledger.claims);
    const account = db.prepare('select count(*) from accounts where name = ?').pluck();
    for (const name of ledger.importedAccounts) {
      acknowledged++;
      if (account.get(name) !== 1) lost.push({ table: 'accounts', id: name });
    }
    return { acknowledged, found: acknowledged - lost.length, lost };
  } finally {
    db.close();
  }
}
