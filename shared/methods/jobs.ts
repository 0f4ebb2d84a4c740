/** The jobs.* methods of the API contract (served from electron/jobs/). */
import { z } from 'zod';
import { job } from '../schemas/system';
import { method } from './method';

export const jobsMethods = {
  'jobs.get': method(z.object({ id: z.string().max(64) }), job, 'Progress of a long job.'),
  'jobs.cancel': method(
    z.object({ id: z.string().max(64) }),
    job,
    'Ask a long job to stop; it rolls back.',
  ),
} as const;
