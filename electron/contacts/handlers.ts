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

export function contactHandlers({ db, clock }: Deps): ContactHandlers {
  return {
    'contacts.list': ({ accountId }) => listContacts(db, accountId),
    'contacts.create': (input, { session }) =>
      createContact(db, clock, session.requireUser(), input),
    'contacts.update': ({ id, version, ...input }, { session }) =>
      updateContact(db, clock, session.requireUser(), id, input, version),
    'contacts.delete': async ({ id }, { session }) => {
      await deleteContact(db, clock, session.requireUser(), id);
      return { done: true };
    },
    'contacts.getPersonal': ({ contactId }, { session }) =>
      getPersonal(db, clock, session.requireUser(), contactId),
    'contacts.setPersonal': ({ contactId, personal }, { session }) =>
      setPersonal(db, clock, session.requireUser(), contactId, personal),
  };
}
