/**
 * The method-level half of shared/access.ts, enforced once for every call before validation and
 * the handler: nobody signed in gets "sign in first", a role outside the method's audience gets
 * FORBIDDEN with the rule's kind, and a one-time password must be changed before anything else.
 */
import { METHOD_RULES, refusalKind, roleAllowed } from '../../shared/access';
import type { MethodName } from '../../shared/api';
import { AppError } from '../../shared/result';
import type { Session } from '../session/session';

interface GateFacts {
  /** Solo data folder with no staff yet: the person setting it up may load the demo data. */
  firstRun(): Promise<boolean>;
}

export type AccessGate = (method: MethodName, session: Session, input: unknown) => Promise<void>;

export function createGate(facts: GateFacts): AccessGate {
  return async (method, session, input) => {
    const rule = METHOD_RULES[method];
    if (rule.who === 'open') return;
    const user = session.user;
    if (!user) {
      if (rule.who === 'first_run' && (await setupAllowed(method, session, input, facts))) return;
      throw new AppError('FORBIDDEN', 'sign in first', { kind: 'no_user' });
    }
    if (user.mustChangePassword)
      throw new AppError('FORBIDDEN', 'change your one-time password first (auth.changePassword)', {
        kind: 'must_change_password',
      });
    if (!roleAllowed(rule.who, user.role))
      throw new AppError('FORBIDDEN', `${method} is not open to the ${user.role} role`, {
        kind: refusalKind(rule.who, user.role),
        audience: rule.who,
      });
  };
}

/** Jobs are asked about by the session that started them; the demo load only on an empty folder. */
async function setupAllowed(
  method: MethodName,
  session: Session,
  input: unknown,
  facts: GateFacts,
): Promise<boolean> {
  if (method === 'jobs.get' || method === 'jobs.cancel') {
    const id = (input as { id?: unknown } | null)?.id;
    return typeof id === 'string' && session.setupJobs.has(id);
  }
  return facts.firstRun();
}
