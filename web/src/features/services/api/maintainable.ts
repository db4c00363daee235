import type { Account } from '@/lib/account';

/** The part of a service that decides who keeps it current. */
export interface KeptService {
  organization: { id: string; township: { id: string } | null };
}

/**
 * The services this viewer may maintain, as the API's requireServiceKeeper
 * decides (src/api/auth/operationRules.ts): an ADMIN any; a COORDINATOR
 * those of organisations in its townships; a PARTNER_NGO its own
 * organisation's; nobody else. The services page lists only these, so it
 * never offers an edit the API would refuse.
 */
export function maintainableServices<S extends KeptService>(account: Pick<Account, 'role' | 'townshipIds' | 'organizationId'>, services: readonly S[]): S[] {
  switch (account.role) {
    case 'ADMIN':
      return [...services];
    case 'COORDINATOR':
      return services.filter((s) => s.organization.township !== null && account.townshipIds.includes(s.organization.township.id));
    case 'PARTNER_NGO':
      return account.organizationId === null ? [] : services.filter((s) => s.organization.id === account.organizationId);
    default:
      return [];
  }
}
