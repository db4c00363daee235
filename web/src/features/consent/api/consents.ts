import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { RecordConsentInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const ConsentsQuery = graphql(`
  query Consents($householdId: ID!) {
    consents(householdId: $householdId) {
      id
      categories
      guardianConsent
      recordedAt
      validUntil
      withdrawnAt
      active
      organizations {
        id
        name
      }
    }
  }
`);

const RecordConsent = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
    }
  }
`);

const WithdrawConsent = graphql(`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) {
      id
      active
    }
  }
`);

export const consentsKey = (householdId: string) => ['consents', householdId] as const;

export function useConsents(householdId: string) {
  return useQuery({ queryKey: consentsKey(householdId), queryFn: () => execute(ConsentsQuery, { householdId }).then((d) => d.consents) });
}

export const recordConsent = (input: RecordConsentInput) => execute(RecordConsent, { input }).then((d) => d.recordConsent.id);
export const withdrawConsent = (id: string) => execute(WithdrawConsent, { id }).then((d) => d.withdrawConsent);
