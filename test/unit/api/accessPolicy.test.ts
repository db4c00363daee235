import { buildASTSchema, parse } from 'graphql';
import { addResolversToSchema } from '@graphql-tools/schema';
import pino from 'pino';
import { INDIVIDUAL_PURPOSES, Purpose } from '../../../src/api/auth/Purpose';
import { READ_RULES } from '../../../src/api/auth/readRules';
import { SENSITIVE_KINDS } from '../../../src/api/auth/SensitiveKind';
import { SENSITIVE_RULES, sensitiveAllowed } from '../../../src/api/auth/sensitiveRules';
import { Role } from '../../../src/api/auth/Viewer';
import { checkPolicyCoversSchema, guardSchema } from '../../../src/api/guardSchema';
import { loadTypeDefs } from '../../../src/api/loadTypeDefs';
import { ENTITY_KINDS } from '../../../src/domain/ids';

const sdl = loadTypeDefs();
const schemaOf = (extra: string) => buildASTSchema(parse(`${sdl}\n${extra}`));

describe('the access policy tables', () => {
  it('decide every Role × SensitiveKind and every Role × EntityKind', () => {
    for (const role of Role.options) {
      expect(Object.keys(SENSITIVE_RULES[role]).sort()).toEqual([...SENSITIVE_KINDS].sort());
      expect(Object.keys(READ_RULES[role]).sort()).toEqual([...ENTITY_KINDS].sort());
    }
  });

  it('show no personal field to ANONYMOUS or DESIGNER, for any purpose or record', () => {
    for (const role of ['ANONYMOUS', 'DESIGNER'] as const) {
      for (const purpose of Purpose.options) {
        for (const kind of SENSITIVE_KINDS) {
          for (const owner of ENTITY_KINDS) expect(sensitiveAllowed(role, purpose, kind, owner)).toBe(false);
        }
      }
    }
  });

  it('show no personal field under REPORTING or SERVICE_DESIGN, whoever asks', () => {
    const aggregatePurposes = Purpose.options.filter((p) => !INDIVIDUAL_PURPOSES.has(p));
    expect(aggregatePurposes.sort()).toEqual(['REPORTING', 'SERVICE_DESIGN']);
    for (const role of Role.options) {
      for (const purpose of aggregatePurposes) {
        for (const kind of SENSITIVE_KINDS) expect(sensitiveAllowed(role, purpose, kind, 'Household')).toBe(false);
      }
    }
  });

  it("give a partner NGO a household's name and phone but never its ID number, finances or children's data, nor a person's phone", () => {
    const partner = (kind: (typeof SENSITIVE_KINDS)[number], owner: (typeof ENTITY_KINDS)[number]) => sensitiveAllowed('PARTNER_NGO', 'REFERRAL', kind, owner);
    expect([partner('IDENTITY', 'Household'), partner('CONTACT', 'Household'), partner('HEALTH', 'Need')]).toEqual([true, true, true]);
    expect([partner('OFFICIAL_ID', 'Household'), partner('FINANCE', 'Household'), partner('CHILDREN', 'Household'), partner('CONTACT', 'Person')]).toEqual([false, false, false, false]);
  });

  it('keep designers and anonymous callers away from every household-level record', () => {
    for (const role of ['ANONYMOUS', 'DESIGNER'] as const) {
      for (const kind of ['Household', 'Need', 'Referral', 'Assistance', 'Consent', 'AuditEvent'] as const) expect(READ_RULES[role][kind]).toBe('NONE');
    }
    expect(READ_RULES.ANONYMOUS.Person).toBe('NONE');
  });
});

describe('checkPolicyCoversSchema: the guard refuses to start on a schema its policy does not cover', () => {
  it('accepts the schema as it is', () => {
    expect(() => checkPolicyCoversSchema(buildASTSchema(parse(sdl)))).not.toThrow();
  });

  it('refuses a mutation without an access rule', () => {
    expect(() => checkPolicyCoversSchema(schemaOf('extend type Mutation { deleteEverything: Boolean }'))).toThrow(/Mutation fields without an access rule: deleteEverything/);
  });

  it('refuses a query without an access rule', () => {
    expect(() => checkPolicyCoversSchema(schemaOf('extend type Query { secrets: [String!]! }'))).toThrow(/Query fields without an access rule: secrets/);
  });

  it('refuses a sensitive field that could not be withheld (non-null)', () => {
    expect(() => checkPolicyCoversSchema(schemaOf('extend type Household { diagnosis: String! @sensitive(kind: HEALTH) }'))).toThrow(/Household.diagnosis is @sensitive but non-null/);
  });

  it('refuses an SDL SensitiveKind the policy does not know', () => {
    expect(() => checkPolicyCoversSchema(schemaOf('extend enum SensitiveKind { RELIGION }'))).toThrow(/enum SensitiveKind/);
  });

  it('is what guardSchema runs before it wraps anything', () => {
    const unruled = addResolversToSchema({ schema: schemaOf('extend type Mutation { deleteEverything: Boolean }'), resolvers: {} });
    expect(() => guardSchema(unruled, { log: pino({ level: 'silent' }) })).toThrow(/deleteEverything/);
  });
});
