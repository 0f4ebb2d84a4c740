import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import {
  createContact,
  deleteContact,
  getPersonal,
  listContacts,
  setPersonal,
  updateContact,
} from './service';

type ContactHandlers = Pick<
  Handlers,
  | 'contacts.list'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.getPersonal'
  | 'contacts.setPersonal'
>;

export function contactHandlers({ db }: Deps): ContactHandlers {
  return {
    'contacts.list': ({ accountId }) => listContacts(db, accountId),
    'contacts.create': (input, { session }) => createContact(db, session.requireUser(), input),
    'contacts.update': ({ id, version, ...input }, { session }) =>
      updateContact(db, session.requireUser(), id, input, version),
    'contacts.delete': async ({ id }, { session }) => {
      await deleteContact(db, session.requireUser(), id);
      return { done: true };
    },
    'contacts.getPersonal': ({ contactId }, { session }) =>
      getPersonal(db, session.requireUser(), contactId),
    'contacts.setPersonal': ({ contactId, personal }, { session }) =>
      setPersonal(db, session.requireUser(), contactId, personal),
  };
}
