import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { CreditPortfolioQuery, DevelopmentOfficersQuery, MyBorrowersQuery, OwnCaseloadQuery, WorkloadQuery, WorkloadRole } from '@/gql/graphql';
import { execute } from '@/lib/execute';

/**
 * The credit company's view (issue 15 item 3) and the workload page. A CREDIT_OFFICER asks only for its own row and
 * its own borrowers (myBorrowers: the head's name and phone, the loan, the needs' categories — never markers,
 * descriptions, referrals or help records); ADMIN and COORDINATOR ask for the officers and the loan book, whose small
 * cells the API has already suppressed (null) where the role may not see them.
 */
const OwnCaseload = graphql(`
  query OwnCaseload {
    creditOfficers {
      officer {
        id
        name
      }
      borrowers
      openNeeds
      bridgingLoans
      bridgingOpenMedicalNeeds
      suppressed
    }
  }
`);

const MyBorrowers = graphql(`
  query MyBorrowers($after: String) {
    myBorrowers(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        village {
          id
          displayName
          township {
            id
            name
          }
        }
        head {
          name
          phone
        }
        loan {
          amountYuan
          purpose
          since
          seriousIllnessBridging
          medicalNeeds {
            id
            status
          }
        }
        needs(first: 20) {
          nodes {
            id
            category
            urgency
            status
          }
        }
      }
    }
  }
`);

const CreditPortfolio = graphql(`
  query CreditPortfolio($townshipId: ID) {
    creditOfficers(townshipId: $townshipId) {
      officer {
        id
        name
        townships {
          id
          name
        }
      }
      borrowers
      openNeeds
      referralsThroughOfficer
      bridgingLoans
      bridgingOpenMedicalNeeds
      suppressed
    }
    loanPortfolio(townshipId: $townshipId) {
      townshipId
      loans
      under30kPercent
      calibration
      suppressed
      byPurpose {
        purpose
        labelZh
        labelEn
        loans
        sharePercent
        reportPercent
        differencePoints
        suppressed
      }
      byAmount {
        band
        loans
        suppressed
      }
      byTownship {
        townshipId
        townshipName
        loans
        bridgingLoans
        byPurpose {
          purpose
          loans
          suppressed
        }
        suppressed
      }
      report {
        index
        commercePercent
        livestockPercent
        plantingPercent
        otherPercent
      }
      seriousIllnessBridging {
        loans
        sharePercent
        withMedicalNeed
        openMedicalNeeds
        suppressed
      }
    }
  }
`);

const Workload = graphql(`
  query Workload($role: WorkloadRole, $after: String) {
    workload(role: $role, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        person {
          id
          name
        }
        role
        villages {
          id
          displayName
        }
        households
        openNeeds
        referrals
        suppressed
      }
    }
  }
`);

const DevelopmentOfficers = graphql(`
  query DevelopmentOfficers {
    developmentOfficers {
      target
      trained
      inTraining
      definition
      officers {
        person {
          id
          name
        }
        trained
        trainedOn
        trainings {
          course
          date
          completed
        }
        villages {
          id
          displayName
        }
        townships {
          id
          name
        }
      }
    }
  }
`);

export type OwnCaseloadRow = OwnCaseloadQuery['creditOfficers'][number];
export type Borrower = MyBorrowersQuery['myBorrowers']['nodes'][number];
export type Portfolio = CreditPortfolioQuery['loanPortfolio'];
export type OfficerRow = CreditPortfolioQuery['creditOfficers'][number];
export type WorkloadRow = WorkloadQuery['workload']['nodes'][number];
export type DevelopmentOfficerReport = DevelopmentOfficersQuery['developmentOfficers'];

export function useOwnCaseload() {
  return useQuery({ queryKey: ['credit', 'own-caseload'], queryFn: () => execute(OwnCaseload, {}).then((d) => d.creditOfficers) });
}

export function useMyBorrowers(after: string | null) {
  return useQuery({ queryKey: ['credit', 'my-borrowers', after], queryFn: () => execute(MyBorrowers, { after }).then((d) => d.myBorrowers), placeholderData: keepPreviousData });
}

export function useCreditPortfolio(townshipId: string | null) {
  return useQuery({ queryKey: ['credit', 'portfolio', townshipId], queryFn: () => execute(CreditPortfolio, { townshipId }), placeholderData: keepPreviousData });
}

export function useWorkload(role: WorkloadRole | null, after: string | null) {
  return useQuery({ queryKey: ['workload', role, after], queryFn: () => execute(Workload, { role, after }).then((d) => d.workload), placeholderData: keepPreviousData });
}

export function useDevelopmentOfficers() {
  return useQuery({ queryKey: ['workload', 'development-officers'], queryFn: () => execute(DevelopmentOfficers, {}).then((d) => d.developmentOfficers) });
}
