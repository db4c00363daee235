import { buildASTSchema, parse } from 'graphql';
import { checkFilterRules, resolveSensitiveRead } from '../../../src/api/auth/checkFilterRules';
import { FILTER_RULES, RESULT_READS } from '../../../src/api/auth/filterRules';
import { checkPolicyCoversSchema } from '../../../src/api/guardSchema';
import { loadTypeDefs } from '../../../src/api/loadTypeDefs';

/**
 * Issue 10, item 1, at start-up: every argument of every list has a filter
 * rule; a rule names only @sensitive fields that exist; and an argument said
 * to test nothing sensitive that looks like a sensitive field (same enum,
 * same name) is refused, so a new `HouseholdFilter.phone` cannot ship as
 * "not sensitive".
 */
const schemaWith = (extra: string) => buildASTSchema(parse(`${loadTypeDefs()}\n${extra}`));

describe('checkFilterRules', () => {
  it('passes for the schema and the table as they stand', () => {
    expect(checkFilterRules(schemaWith(''))).toEqual([]);
  });

  it('fails start-up for a filter argument without a rule', () => {
    const schema = schemaWith('extend input NeedFilter { urgentOnly: Boolean }');
    expect(checkFilterRules(schema).join('\n')).toContain('NeedFilter.urgentOnly');
    expect(() => checkPolicyCoversSchema(schema)).toThrow(/NeedFilter\.urgentOnly/);
  });

  it('covers nested object fields and leaf arguments too, not only Query filters', () => {
    const schema = schemaWith('extend type Household { needsBy(urgency: Urgency, first: Int): [Need!]! }');
    expect(checkFilterRules(schema).join('\n')).toContain('Household.needsBy(urgency)');
    expect(checkFilterRules(schema).join('\n')).not.toContain('(first)');
  });

  it('refuses a marker filter declared as testing nothing sensitive (same enum as Household.markers)', () => {
    const problems = checkFilterRules(schemaWith(''), { ...FILTER_RULES, 'HouseholdFilter.marker': { reads: [] } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Household.markers');
  });

  it('refuses a phone filter declared as testing nothing sensitive (named like HouseholdHead.phone), and accepts it declared', () => {
    const schema = schemaWith('extend input HouseholdFilter { phone: String }');
    const undeclared = checkFilterRules(schema, { ...FILTER_RULES, 'HouseholdFilter.phone': { reads: [] } });
    expect(undeclared).toHaveLength(1);
    expect(undeclared[0]).toContain('Household.head.phone');
    expect(checkFilterRules(schema, { ...FILTER_RULES, 'HouseholdFilter.phone': { reads: ['Household.head.phone'] } })).toEqual([]);
  });

  it('refuses rules for arguments the schema lacks, and reads of fields that are missing or not @sensitive', () => {
    expect(checkFilterRules(schemaWith(''), { ...FILTER_RULES, 'HouseholdFilter.gone': { reads: [] } }).join('\n')).toContain('HouseholdFilter.gone');
    expect(checkFilterRules(schemaWith(''), { ...FILTER_RULES, 'HouseholdFilter.villageId': { reads: ['Household.size'] } }).join('\n')).toContain('Household.size is not @sensitive');
    expect(checkFilterRules(schemaWith(''), FILTER_RULES, { ...RESULT_READS, 'Query.nothing': ['Household.markers'] }).join('\n')).toContain('Query.nothing');
  });

  it('resolves a read through value objects to every kind on the way', () => {
    expect(resolveSensitiveRead(schemaWith(''), 'Household.head.phone')).toEqual({ coordinate: 'Household.head.phone', ownerKind: 'Household', kinds: ['IDENTITY', 'CONTACT'] });
  });
});
