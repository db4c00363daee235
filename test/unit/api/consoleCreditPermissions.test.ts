import { QUERY_RULES } from '../../../src/api/auth/operationRules';
import { SENSITIVE_RULES } from '../../../src/api/auth/sensitiveRules';
import type { Role } from '../../../src/api/auth/Viewer';
import { capabilitiesOf } from '../../../web/src/lib/permissions';

/**
 * The console's Capabilities mirror the API's rule tables for the credit view (issue 15 item 3): the console never
 * offers a page or asks for a field the role is refused, and never hides one it may use.
 */
const ROLES: ReadonlyArray<Exclude<Role, 'ANONYMOUS'>> = ['ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'PARTNER_NGO', 'DESIGNER', 'CREDIT_OFFICER'];
const allowed = (query: string, role: Role) => QUERY_RULES[query]!.roles.includes(role);

describe('console capabilities for the credit view mirror operationRules and sensitiveRules', () => {
  it.each(ROLES)('%s', (role) => {
    const caps = capabilitiesOf(role);
    expect(caps.creditOwn).toBe(allowed('myBorrowers', role));
    if (caps.creditPortfolio) expect(allowed('loanPortfolio', role) && allowed('creditOfficers', role)).toBe(true);
    expect(caps.workload).toBe(allowed('workload', role));
    if (caps.workload) expect(allowed('developmentOfficers', role)).toBe(true);
    // Need.bridgingLoan is FINANCE owned by the need.
    expect(caps.financeOnNeed).toBe(SENSITIVE_RULES[role].FINANCE.includes('Need'));
  });

  it('gives a CREDIT_OFFICER its own page and only what sensitiveRules lets it read on a household', () => {
    const caps = capabilitiesOf('CREDIT_OFFICER');
    expect(caps).toMatchObject({ creditOwn: true, creditPortfolio: false, householdList: false, referralBoard: false, match: false, workload: false });
    const rules = SENSITIVE_RULES.CREDIT_OFFICER;
    expect(caps.see.identity).toBe(rules.IDENTITY.includes('Household'));
    expect(caps.see.contact).toBe(rules.CONTACT.includes('Household'));
    for (const kind of ['HEALTH', 'CHILDREN', 'SOCIAL_ASSISTANCE', 'DISABILITY', 'CASE_NOTES', 'OFFICIAL_ID'] as const) expect(rules[kind]).toEqual([]);
    expect(caps.see).toMatchObject({ health: false, children: false, socialAssistance: false, disability: false, caseNotes: false, officialId: false });
  });
});
