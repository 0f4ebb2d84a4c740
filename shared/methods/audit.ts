/** The audit.* methods of the API contract (served from electron/audit/). */
import { auditVerify, auditVerifyInput } from '../schemas/system';
import { method } from './method';

export const auditMethods = {
  'audit.verify': method(
    auditVerifyInput,
    auditVerify,
    'Recompute the audit chain (keyed links), and check it still reaches the given head and the heads recorded in backups.',
  ),
} as const;
