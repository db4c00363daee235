import { graphql } from '@/gql';
import type { SheetFormat } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const ExportHouseholdsQuery = graphql(`
  query ExportHouseholds($format: SheetFormat!) {
    exportHouseholds(format: $format) {
      fileName
      mimeType
      contentBase64
      rowCount
    }
  }
`);

const ExportReferralsQuery = graphql(`
  query ExportReferrals($format: SheetFormat!) {
    exportReferrals(format: $format) {
      fileName
      mimeType
      contentBase64
      rowCount
    }
  }
`);

export type ExportKind = 'households' | 'referrals';

/** The list the viewer may see as a file; the API picks the columns the role may read (never requested here). */
export async function fetchExport(kind: ExportKind, format: SheetFormat) {
  return kind === 'households' ? (await execute(ExportHouseholdsQuery, { format })).exportHouseholds : (await execute(ExportReferralsQuery, { format })).exportReferrals;
}
