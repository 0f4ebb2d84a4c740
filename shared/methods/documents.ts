/** The documents.* methods of the API contract (served from electron/documents/). */
import { empty } from '../schemas/common';
import { delivery } from '../schemas/exports';
import { stagedFile } from '../schemas/imports';
import { attachInput, storedDocument } from '../schemas/documents';
import { method, byId, done } from './method';

export const documentsMethods = {
  'documents.attach': method(
    attachInput,
    storedDocument,
    'Keep a staged upload as evidence of a claim or a draft filing (copied, hashed).',
  ),
  'documents.remove': method(byId, done, 'Remove a document from a draft claim or filing.'),
  'documents.open': method(byId, delivery, 'Hand a stored document to the user.'),
  'documents.choose': method(
    empty,
    stagedFile.nullable(),
    'Electron: pick a file to attach (browser mode uploads instead).',
  ),
} as const;
