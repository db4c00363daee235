import { z } from 'zod';
import { newId } from '../domain/ids';
import { AgeBand, CategoryCode, Household, HouseholdHead, idOf, Loan, Marker, Need, Urgency } from '../domain/model';
import { vulnerabilityScore } from '../domain/vulnerabilityIndex';
import { badInput, notFound, underInput } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { IdempotencyKey, idempotencyClaim } from './idempotency';
import type { ServiceContext } from './ServiceContext';

const HeadInput = z.object({
  name: HouseholdHead.shape.name,
  phone: HouseholdHead.shape.phone.optional().transform((v) => v ?? null),
  idNumber: HouseholdHead.shape.idNumber.optional().transform((v) => v ?? null),
});

const HouseholdFields = z.object({
  householdCode: z.string().nullish().transform((v) => v ?? null),
  villageId: idOf('Village'),
  size: z.number().int().min(1, { message: 'must be at least 1' }).max(30, { message: 'must be at most 30' }),
  memberAgeBands: z.array(AgeBand).nullish().transform((v) => v ?? []),
  markers: z.array(Marker).nullish().transform((v) => v ?? []),
  disabilityGrade: z.number().int().nullish().transform((v) => v ?? null),
  head: HeadInput,
  loan: Loan.nullish().transform((v) => v ?? null),
});

export const RegisterHouseholdInput = HouseholdFields.extend({
  /** Optional: the same key twice registers one household (a retry returns the first). */
  idempotencyKey: IdempotencyKey.nullish(),
});

export const UpdateHouseholdInput = HouseholdFields.partial();

/** Validate the finished record against the entity schema, so input and stored rules never drift. */
function validated(candidate: Household): Household {
  return parseInput(Household, { ...candidate, vulnerabilityScore: vulnerabilityScore(candidate) }, ['input']);
}

/**
 * Register a household. A householdCode another household holds is CONFLICT
 * (the API shows which household only to a caller who may read it); a refused
 * registration writes nothing. With an idempotency key, a retry returns the
 * household the first attempt registered.
 */
export async function registerHousehold(ctx: ServiceContext, rawInput: unknown): Promise<Household> {
  const { idempotencyKey, ...input } = parseInput(RegisterHouseholdInput, rawInput, ['input']);
  const claim = idempotencyClaim('registerHousehold', idempotencyKey, input);
  const household = newHousehold(input, ctx.now(), ['input']);
  return underInput(['input'], ctx.store.create('Household', household, claim ? { idempotency: claim } : {}));
}

/**
 * The record registerHousehold stores for a parsed input (also the household
 * import's, so a row and a form are held to the same rules): BAD_USER_INPUT
 * under `root` when the finished record breaks an entity rule.
 */
export function newHousehold(
  input: Omit<z.infer<typeof RegisterHouseholdInput>, 'idempotencyKey'>,
  now: Date,
  root: ReadonlyArray<string | number>,
): Household {
  const at = now.toISOString();
  const candidate: Household = { id: newId('Household'), ...input, vulnerabilityScore: 0, synthetic: false, createdAt: at, updatedAt: at, version: 1 };
  return parseInput(Household, { ...candidate, vulnerabilityScore: vulnerabilityScore(candidate) }, root);
}

export async function updateHousehold(
  ctx: ServiceContext,
  id: string,
  rawInput: unknown,
  expectedVersion: number | null | undefined,
): Promise<Household> {
  parseInput(idOf('Household'), id, ['id']);
  const patch = parseInput(UpdateHouseholdInput, rawInput, ['input']);
  if (expectedVersion != null && (!Number.isInteger(expectedVersion) || expectedVersion < 1)) {
    throw badInput('expectedVersion: must be a positive integer (the version you read)', ['expectedVersion']);
  }
  const [current] = await ctx.store.getMany('Household', [id]);
  if (!current) throw notFound('Household', id, ['id']);
  // Fields absent from the input keep their value; given fields (null included) replace it.
  const given = Object.fromEntries(
    Object.entries(patch).filter(([key]) => rawInput !== null && typeof rawInput === 'object' && key in rawInput),
  );
  const next = validated({
    ...current,
    ...given,
    id: current.id,
    updatedAt: ctx.now().toISOString(),
    version: current.version + 1,
  });
  return underInput(['input'], ctx.store.update('Household', next, { expectedVersion: expectedVersion ?? current.version }));
}

export const RecordNeedInput = z.object({
  householdId: idOf('Household'),
  category: CategoryCode,
  urgency: Urgency,
  description: z.string().max(2000).nullish().transform((v) => v ?? ''),
  /** Optional: the same key twice records one need (a retry returns the first). */
  idempotencyKey: IdempotencyKey.nullish(),
});

export async function recordNeed(ctx: ServiceContext, rawInput: unknown): Promise<Need> {
  const { idempotencyKey, ...input } = parseInput(RecordNeedInput, rawInput, ['input']);
  const claim = idempotencyClaim('recordNeed', idempotencyKey, input);
  await assertCategoriesExist(ctx, [input.category], ['input', 'category']);
  const at = ctx.now().toISOString();
  const need = parseInput(
    Need,
    { id: newId('Need'), ...input, status: 'OPEN', synthetic: false, createdAt: at, updatedAt: at },
    ['input'],
  );
  return underInput(['input'], ctx.store.create('Need', need, claim ? { idempotency: claim } : {}));
}

/** Categories are data: an unknown code is BAD_USER_INPUT naming the known ones. */
export async function assertCategoriesExist(
  ctx: ServiceContext,
  codes: readonly string[],
  path: ReadonlyArray<string | number>,
): Promise<void> {
  const known = new Set((await ctx.store.listCategories()).map((c) => c.code));
  codes.forEach((code, i) => {
    if (!known.has(code)) {
      const where = path[path.length - 1] === "categories" ? [...path, i] : path;
      throw badInput(`${where.join('.')}: unknown category ${JSON.stringify(code)}; known: ${[...known].sort().join(', ')}`, where);
    }
  });
}
