import { z } from 'zod';
import { IsoDateTime } from '../domain/model';

/**
 * The seed's own record in the store (one per store, not an entity of the
 * network): written IN_PROGRESS before the seed's first row, moved on after
 * every step it finishes, and COMPLETE after its last. A store whose record
 * says IN_PROGRESS holds a seed that stopped part-way (killed, or failed):
 * seedIfEmpty resumes it from `stepsDone` with the options recorded here,
 * and /healthz reports `seed: 'incomplete'` until then.
 */
export const SeedRun = z.object({
  status: z.enum(['IN_PROGRESS', 'COMPLETE']),
  /** The options the seed runs with; a resumed seed takes these, not the current config. */
  households: z.number().int().min(0),
  seed: z.number().int(),
  batchSize: z.number().int().min(1),
  /** Steps (categories, each real kind, each synthetic batch) written in full, in seedStore's order. */
  stepsDone: z.number().int().min(0),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  completedAt: IsoDateTime.nullable(),
});
export type SeedRun = z.infer<typeof SeedRun>;
