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

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Check outputs against the contract too (tests); production trusts its own handlers. */
  validateOutput?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const reason = (issue as { params?: { reason?: unknown } }).params?.reason;
    return {
      path: issue.path.map(String).join('.'),
      code: typeof reason === 'string' ? reason : issue.code,
      message: issue.message,
    };
  });
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return fail('NOT_FOUND', `unknown method: ${method}`);
    const schema = api[method];
    const parsed = schema.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = fieldIssues(parsed.error);
      const summary = fields.map((f) => `${f.path || '(input)'}: ${f.message}`).join('; ');
      return fail('VALIDATION', `invalid input for ${method}: ${summary}`, { fields });
    }
    try {
      const handler = handlers[method] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
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
      options.onInternalError?.(method, error);
      return fail(
        'INTERNAL',
        `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}
