import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { CreateAccountInput, UpdateAccountInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const AccountsQuery = graphql(`
  query Accounts($after: String) {
    accounts(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        login
        displayName
        role
        townshipIds
        villageIds
        organizationId
        disabled
        locked
        demo
      }
    }
  }
`);

const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
    }
  }
`);

const UpdateAccount = graphql(`
  mutation UpdateAccount($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) {
      id
    }
  }
`);

const ResetAccountPassword = graphql(`
  mutation ResetAccountPassword($id: ID!, $password: String!) {
    resetAccountPassword(id: $id, password: $password) {
      id
    }
  }
`);

const UnlockAccount = graphql(`
  mutation UnlockAccount($id: ID!) {
    unlockAccount(id: $id) {
      id
    }
  }
`);

export function useAccounts(after: string | null) {
  return useQuery({ queryKey: ['accounts', after], placeholderData: keepPreviousData, queryFn: () => execute(AccountsQuery, { after }).then((d) => d.accounts) });
}

export const createAccount = (input: CreateAccountInput) => execute(CreateAccount, { input }).then((d) => d.createAccount.id);
export const updateAccount = (id: string, input: UpdateAccountInput) => execute(UpdateAccount, { id, input }).then((d) => d.updateAccount.id);
export const unlockAccount = (id: string) => execute(UnlockAccount, { id }).then((d) => d.unlockAccount.id);
export const resetAccountPassword = (id: string, password: string) => execute(ResetAccountPassword, { id, password }).then((d) => d.resetAccountPassword.id);
