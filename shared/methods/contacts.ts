/** The contacts.* methods of the API contract (served from electron/contacts/). */
import { z } from 'zod';
import { id, version } from '../schemas/common';
import { refId } from '../schemas/references';
import { contact, contactInput, contactPersonal } from '../schemas/contacts';
import { method, byId, done } from './method';

export const contactsMethods = {
  'contacts.list': method(z.object({ accountId: id }), z.array(contact), 'Contacts of an account.'),
  'contacts.create': method(contactInput, contact, 'Add a contact to an account.'),
  'contacts.update': method(contactInput.extend({ id, version }), contact, 'Change a contact.'),
  'contacts.delete': method(byId, done, 'Remove a contact and its personal details.'),
  'contacts.getPersonal': method(
    z.object({ contactId: id }),
    contactPersonal,
    'Personal details (PIPL): only for the account’s team and managers; every read is logged.',
  ),
  'contacts.setPersonal': method(
    z.object({ contactId: refId('contacts'), personal: contactPersonal }),
    contactPersonal,
    'Store personal details of a contact.',
  ),
} as const;
