/** audit.verify: checks the audit chain in the database against its key and the known heads. */
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { verifyAuditChain } from './audit';
import type { AuditHead } from './head';
import { readAuditKey } from './key';
import { latestBackupHead } from './recorded-heads';

type AuditHandlers = Pick<Handlers, 'audit.verify'>;

export function auditHandlers({ db, dataDir }: Deps): AuditHandlers {
  return {
    // The file is checked with the key beside it, against the given head and the latest backup's.
    'audit.verify': async ({ head }) => {
      const heads = [head, latestBackupHead(dataDir)].filter((h): h is AuditHead => !!h);
      return verifyAuditChain(db, { key: readAuditKey(dataDir), heads, requireKeyed: true });
    },
  };
}
