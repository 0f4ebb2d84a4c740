/**
 * The one generic entry of every call, whatever the transport: find the method in the contract,
 * validate the input, run the handler, and turn anything thrown into a typed result.
 */
import type { z } from 'zod';
import {
  api,
  isMethodName,
  type MethodName,
  type Output,
  type ParsedInput,
} from '../../shared/api';
import { AppError, type FieldIssue, type Result, fail, ok } from '../../shared/result';
import { malformedTextIssues } from '../../shared/well-formed';
import { foreignKeyFailure } from './foreign-key';
import type { AccessGate } from '../auth/gate';
import type { Caller, Session, Sessions } from '../session/session';
import { storageError } from '../db/storage-errors';

/** What a handler knows about its caller. */
export interface CallContext {
  session: Session;
  caller: Caller;
}

type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: CallContext,
) => Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (
  method: string,
  input: unknown,
  caller?: Caller,
) => Promise<Result<unknown>>;

export const DEFAULT_CLIENT = 'default';

interface DispatchOptions {
  /** Check outputs against the contract too (tests); production trusts its own handlers. */
  validateOutput?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
  /** Who may call what (shared/access.ts); checked before the input is even looked at. */
  gate?: AccessGate;
  /** Refuses a parsed input naming rows that do not exist (electron/db/references.ts). */
  checkReferences?: (method: MethodName, input: unknown) => Promise<void>;
}

function invalid(method: string, fields: FieldIssue[]): Result<never> {
  const summary = fields.map((f) => `${f.path || '(input)'}: ${f.message}`).join('; ');
  return fail('VALIDATION', `invalid input for ${method}: ${summary}`, { fields });
}

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const reason = (issue as { params?: { reason?: unknown } }).params?.reason;
    return {
      path: issue.path.map(String).join('.'),
      code: typeof reason === 'string' ? reason : issue.code,
      message: issue.message,
    };
  });
}

export function createDispatch(
  handlers: Handlers,
  sessions: Sessions,
  options: DispatchOptions = {},
): Dispatch {
  return async (method, input, caller = { clientId: DEFAULT_CLIENT }) => {
    if (!isMethodName(method)) return fail('NOT_FOUND', `unknown method: ${method}`);
    const session = sessions.resolve(caller);
    try {
      await options.gate?.(method, session, input);
    } catch (error) {
      const known = error instanceof AppError ? error : storageError(error);
      if (known) return fail(known.code, known.message, known.details);
      throw error;
    }
    const schema = api[method];
    const malformed = malformedTextIssues(input);
    if (malformed.length > 0) return invalid(method, malformed);
    const parsed = schema.input.safeParse(input ?? {});
    if (!parsed.success) return invalid(method, fieldIssues(parsed.error));
    try {
      await options.checkReferences?.(method, parsed.data);
      const handler = handlers[method] as (i: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, { session, caller });
      if (options.validateOutput) {
        const out = schema.output.safeParse(value);
        if (!out.success)
          return fail('INTERNAL', `${method} produced an output that breaks the contract`, {
            fields: fieldIssues(out.error),
          });
      }
      return ok(value);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      // A long job holds the write lock: say so instead of failing as an internal error.
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY')
        return fail(
          'CONFLICT',
          'a long job is writing to the database; try again when it has finished',
          { kind: 'busy' },
        );
      const reference = foreignKeyFailure(method, error);
      if (reference) return reference;
      const storage = storageError(error);
      if (storage) return fail(storage.code, storage.message, storage.details);
      options.onInternalError?.(method, error);
      return fail(
        'INTERNAL',
        `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}
