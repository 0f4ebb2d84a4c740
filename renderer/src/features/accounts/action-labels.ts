/** Translated names of audit actions, for the change history. */
import type { MessageKey } from '../../i18n/messages-zh';

export const ACTION_KEYS: Readonly<Record<string, MessageKey>> = {
  'account.create': 'history.account.create',
  'account.update': 'history.account.update',
  'account.delete': 'history.account.delete',
  'account.team': 'history.account.team',
  'account.review': 'history.account.review',
  'account.lifecycle': 'history.account.lifecycle',
  'account.fleet': 'history.account.fleet',
  'contact.create': 'history.contact.create',
  'contact.update': 'history.contact.update',
  'contact.delete': 'history.contact.delete',
  'contact.personal.read': 'history.contact.personal.read',
  'contact.personal.update': 'history.contact.personal.update',
  'staff.create': 'history.staff.create',
  'staff.update': 'history.staff.update',
  'import.accounts': 'history.import.accounts',
};
