/** Who is using the app. One desktop window, one current user; set at start by the user's choice. */
import type { Staff } from '../../shared/schemas/staff';
import { AppError } from '../../shared/result';

export class Session {
  user: Staff | null = null;

  requireUser(): Staff {
    if (!this.user)
      throw new AppError('FORBIDDEN', 'choose who you are first (session.signIn)', {
        kind: 'no_user',
      });
    return this.user;
  }
}
