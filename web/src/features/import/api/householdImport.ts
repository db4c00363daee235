import { graphql } from '@/gql';
import type { HeaderLanguage, HouseholdImportMode, SheetFormat } from '@/gql/graphql';
import { execute } from '@/lib/execute';

/** The largest file the API takes from the console (src/api/resolvers/householdImport.ts MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_BYTES = 700 * 1024;

const ImportHouseholdsMutation = graphql(`
  mutation ImportHouseholds($input: ImportHouseholdsInput!) {
    importHouseholds(input: $input) {
      fileName
      format
      encoding
      headerLanguage
      header
      previewRows
      dryRun
      mode
      committed
      totalRows
      validRows
      invalidRows
      duplicateRows
      createdCount
      fileIssues {
        row
        fieldPath
        column
        reason
        message
      }
      rows {
        row
        status
        householdId
        issues {
          row
          fieldPath
          column
          reason
          message
        }
        duplicate {
          by
          existing
          existingHouseholdId
          otherRow
        }
      }
    }
  }
`);

const TemplateQuery = graphql(`
  query HouseholdImportTemplate($format: SheetFormat!, $language: HeaderLanguage!) {
    householdImportTemplate(format: $format, language: $language) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

export type HouseholdImportReport = Awaited<ReturnType<typeof runHouseholdImport>>;

export async function runHouseholdImport(input: { fileName: string; contentBase64: string; dryRun: boolean; mode: HouseholdImportMode }) {
  return (await execute(ImportHouseholdsMutation, { input })).importHouseholds;
}

export async function fetchTemplate(format: SheetFormat, language: HeaderLanguage) {
  return (await execute(TemplateQuery, { format, language })).householdImportTemplate;
}
