import { graphql } from '@/gql';
import type { AddOrganizationInput, AddServiceInput, LinkStakeholdersInput, WhatIfChange } from '@/gql/graphql';
import { execute } from '@/lib/execute';

/**
 * A designer's writes from the map (issue 12 item 3): a prospective
 * organisation, a planned service, a BUILDING or PROSPECTIVE link; and the
 * what-if check a change gets before it joins the draft plan (whatIf checks
 * the changes as savePlan will, and says what they would cover).
 */
const AddOrganization = graphql(`
  mutation MapAddOrganization($input: AddOrganizationInput!) {
    addOrganization(input: $input) {
      id
      name
    }
  }
`);

const AddService = graphql(`
  mutation MapAddService($input: AddServiceInput!) {
    addService(input: $input) {
      id
      name
      status
    }
  }
`);

const LinkStakeholders = graphql(`
  mutation MapLinkStakeholders($input: LinkStakeholdersInput!) {
    linkStakeholders(input: $input) {
      id
      status
    }
  }
`);

const CheckDraft = graphql(`
  query MapCheckDraft($changes: [WhatIfChange!]!) {
    whatIf(changes: $changes) {
      newlyCoveredVillages {
        villageId
      }
    }
  }
`);

export const addOrganization = (input: AddOrganizationInput) => execute(AddOrganization, { input }).then((d) => d.addOrganization);
export const addService = (input: AddServiceInput) => execute(AddService, { input }).then((d) => d.addService);
export const linkStakeholders = (input: LinkStakeholdersInput) => execute(LinkStakeholders, { input }).then((d) => d.linkStakeholders);

/** The draft with one more change, checked by whatIf: how many villages it would newly cover (an ApiError with fieldPath changes.N.… otherwise). */
export const checkDraft = (changes: WhatIfChange[]) => execute(CheckDraft, { changes }).then((d) => d.whatIf.newlyCoveredVillages.length);
