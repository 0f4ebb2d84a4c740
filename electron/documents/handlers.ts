import { AppError } from '../../shared/result';
import type { Deps } from '../app/deps';
import { stageCopy } from '../imports/staging';
import type { Handlers } from '../transport/dispatch';
import { attachDocument, documentFile, removeDocument } from './service';

type DocumentHandlers = Pick<
  Handlers,
  'documents.attach' | 'documents.remove' | 'documents.open' | 'documents.choose'
>;

export function documentHandlers({
  db,
  clock,
  dataDir,
  deliverFile,
  chooseFile,
}: Deps): DocumentHandlers {
  return {
    'documents.attach': (input, { session }) =>
      attachDocument(db, clock, dataDir, session.requireUser(), input),
    'documents.remove': async ({ id }, { session }) => {
      await removeDocument(db, clock, session.requireUser(), id);
      return { done: true };
    },
    'documents.open': async ({ id }, { session }) => {
      const { file, fileName } = await documentFile(db, dataDir, session.requireUser(), id);
      return deliverFile(file, fileName, session.user?.id ?? null);
    },
    'documents.choose': async (_input, { session }) => {
      session.requireUser();
      if (!chooseFile)
        throw new AppError('CONFLICT', 'in browser mode files are uploaded (POST /api/upload)', {
          kind: 'use_upload',
        });
      const picked = await chooseFile();
      return picked === null ? null : await stageCopy(dataDir, picked);
    },
  };
}
