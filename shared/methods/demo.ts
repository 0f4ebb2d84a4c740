/** The demo.* methods of the API contract (served from electron/demo/). */
import { z } from 'zod';
import { empty } from '../schemas/common';
import { method, done } from './method';

export const demoMethods = {
  'demo.load': method(
    z
      .object({ accounts: z.number().int().min(10).max(200_000).default(2000) })
      .default({ accounts: 2000 }),
    z.object({ jobId: z.string() }),
    'Fill an empty database with generated demo data (runs as a job).',
  ),
  'demo.decline': method(empty, done, 'Do not offer demo data again.'),
} as const;
