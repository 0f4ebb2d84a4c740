/**
 * Who is signed in, and the staff list most screens need (owner names, owner filters, pickers).
 * When any call finds the session without a user (the backend restarted, the user was
 * deactivated), the provider hands back to the "who are you" screen.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { Output } from '../../../shared/api';
import type { AccountDetail } from '../../../shared/schemas/accounts';
import type { Staff } from '../../../shared/schemas/staff';
import { call } from '../api/client';
import { onSessionLost } from '../api/client-session';

export type AppInfo = Output<'app.info'>;

interface SessionValue {
  info: AppInfo;
  user: Staff;
  /** Active staff members, for owner pickers and filters. */
  staff: Staff[];
  reloadStaff: () => void;
  /** After the signed-in user's own record changed (name in the header). */
  updateUser: (user: Staff) => void;
  /** Signs out and returns to the "who are you" (solo) or sign-in (team) screen. */
  switchUser: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider(props: {
  info: AppInfo;
  user: Staff;
  /** `lost`: the backend ended the session, rather than the user switching. */
  onSignedOut: (lost: boolean) => void;
  onUserChanged: (user: Staff) => void;
  children: ReactNode;
}) {
  const { info, user, onSignedOut, onUserChanged, children } = props;
  const [staff, setStaff] = useState<Staff[]>([user]);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void call('staff.list', { includeInactive: false }).then((r) => {
      if (live && r.ok) setStaff(r.value);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  useEffect(() => onSessionLost(() => onSignedOut(true)), [onSignedOut]);

  const reloadStaff = useCallback(() => setGeneration((g) => g + 1), []);
  const switchUser = useCallback(() => {
    void call('auth.signOut', {}).then(() => onSignedOut(false));
  }, [onSignedOut]);

  const value = useMemo(
    () => ({ info, user, staff, reloadStaff, updateUser: onUserChanged, switchUser }),
    [info, user, staff, reloadStaff, onUserChanged, switchUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** An account's team as its detail shows it: the owner (主销售) and co-owners (副销售). */
export type AccountTeam = Pick<AccountDetail, 'owner' | 'coOwners'>;

/** Whether the user is the account's owner or one of its co-owners. */
export function onAccountTeam(user: Staff, account: AccountTeam): boolean {
  return account.owner?.id === user.id || account.coOwners.some((c) => c.id === user.id);
}

/**
 * Mirrors electron/accounts/account-team: managers and admins read every account's records
 * (contacts' personal details included); specialists only their teams'.
 */
export function canSeePersonal(user: Staff, account: AccountTeam): boolean {
  return user.role !== 'specialist' || onAccountTeam(user, account);
}

/** Changing an account or its records: managers, or its team; sales data is read-only for admins. */
export function canChangeAccount(user: Staff, account: AccountTeam): boolean {
  return user.role === 'manager' || (user.role === 'specialist' && onAccountTeam(user, account));
}

/** Setting the co-owners: the owner, managers and admins. */
export function canSetTeam(user: Staff, account: AccountTeam): boolean {
  return user.role !== 'specialist' || account.owner?.id === user.id;
}
