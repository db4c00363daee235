import { buildASTSchema, isEnumType, parse } from 'graphql';
import { checkEnumTwins, ENUM_TWINS } from '../../../src/api/enumTwins';
import { loadTypeDefs } from '../../../src/api/loadTypeDefs';

/**
 * SDL enums with no run-time twin: output-only enums whose values the code
 * holds as TypeScript unions (the compiler checks the resolvers return them)
 * or that only the API knows. A new SDL enum must go into ENUM_TWINS or here.
 */
const WITHOUT_TWIN: Readonly<Record<string, string>> = {
  LiaisonStatus: 'output: domain/coverageDefinitions.ts LiaisonStatus union (RelationshipStatus | NONE)',
  SupportGap: 'output: a TypeScript union in domain/coverageDefinitions.ts',
  CoverageGapKind: 'output: services/coverage union',
  StakeholderNodeKind: 'output: graph/StakeholderGraph.ts union',
  ServedHow: 'output: domain/matching/servesVillage.ts union',
  EligibilityRule: 'output: domain/matching/evaluateEligibility.ts union',
  StakeholderKind: 'input filter: services/stakeholders.ts',
  DirectoryKind: 'input: services/search.ts switches over it',
  SheetFormat: 'input: importing format (xlsx/csv), API only',
  HeaderLanguage: 'input: importing template language, API only',
  HouseholdImportMode: 'input: all-or-nothing or valid rows, API only',
  ImportRowStatus: 'output: importing report',
  ImportDuplicateKey: 'output: importing report',
  CapacityStatus: 'output: domain/waitlistRules.ts union (HL7 SDOHCC capacity codes)',
};

const schema = buildASTSchema(parse(loadTypeDefs()));

describe('SDL enums and their twins in the code (src/api/enumTwins.ts)', () => {
  it('agree, every pair', () => {
    expect(checkEnumTwins(schema)).toEqual([]);
  });

  it('reports a value only the SDL has, and one only the code has', () => {
    const changed = buildASTSchema(parse(loadTypeDefs().replace(/enum Urgency \{[^}]*\}/, 'enum Urgency { LOW MEDIUM HIGH URGENT }')));
    const problems = checkEnumTwins(changed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('enum Urgency differs from src/domain/model.ts: only in the SDL [URGENT], only in the code [CRITICAL]');
  });

  it('covers every SDL enum: each is paired with its twin or listed as having none', () => {
    const sdlEnums = Object.values(schema.getTypeMap())
      .filter((t) => isEnumType(t) && !t.name.startsWith('__'))
      .map((t) => t.name)
      .sort();
    expect(sdlEnums.length).toBeGreaterThan(20);
    const accounted = new Set([...Object.keys(ENUM_TWINS), ...Object.keys(WITHOUT_TWIN)]);
    expect(sdlEnums.filter((name) => !accounted.has(name))).toEqual([]);
    expect(Object.keys(WITHOUT_TWIN).filter((name) => Object.keys(ENUM_TWINS).includes(name))).toEqual([]);
  });
});
