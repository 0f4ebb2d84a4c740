/** One API method: its zod input and output and a one-line summary (shown by `GET /api`). */
import { z } from 'zod';
import { id } from '../schemas/common';

export const method = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
) => ({
  input,
  output,
  summary,
});

export const byId = z.object({ id });
export const done = z.object({ done: z.literal(true) });
