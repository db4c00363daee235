import { graphql } from '@/gql';
import type { RegisterHouseholdInput, UpdateHouseholdInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const RegisterHousehold = graphql(`
  mutation RegisterHousehold($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) {
      id
    }
  }
`);

const UpdateHousehold = graphql(`
  mutation UpdateHousehold($id: ID!, $input: UpdateHouseholdInput!, $expectedVersion: Int) {
    updateHousehold(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

export function registerHousehold(input: RegisterHouseholdInput): Promise<string> {
  return execute(RegisterHousehold, { input }).then((d) => d.registerHousehold.id);
}

export function updateHousehold(id: string, input: UpdateHouseholdInput, expectedVersion: number | null): Promise<string> {
  return execute(UpdateHousehold, { id, input, expectedVersion }).then((d) => d.updateHousehold.id);
}
