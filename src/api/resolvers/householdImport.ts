import { z } from 'zod';
import { parseInput } from '../../errors/fromZodError';
import { HuzhuError, badInput, isHuzhuError } from '../../errors/HuzhuError';
import { householdTemplateFile } from '../../importing/householdTemplateFile';
import { importHouseholds, ImportMode } from '../../services/householdImport';
import { accessOf } from '../auth/RequestAccess';
import type { RequestContext } from '../context';

/** The largest file the console may send (base64 adds a third: the request stays under the API's 1 MB body limit). */
export const MAX_UPLOAD_BYTES = 700 * 1024;

const ImportHouseholdsRequest = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().min(1).max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4),
  dryRun: z.boolean(),
  mode: ImportMode,
});

/** schema/householdImport.graphql; who may call it: src/api/auth/operationRules.ts (staff; each row's village in scope). */
export const householdImportResolvers = {
  Query: {
    householdImportTemplate: async (_: unknown, args: { format: 'CSV' | 'XLSX'; language: 'ZH' | 'EN' }) => {
      const file = await householdTemplateFile(args.format, args.language);
      return { fileName: file.fileName, mimeType: file.mimeType, contentBase64: file.bytes.toString('base64'), rowCount: 1, columns: [] as string[] };
    },
  },
  Mutation: {
    importHouseholds: async (_: unknown, args: { input: unknown }, ctx: RequestContext) => {
      const input = parseInput(ImportHouseholdsRequest, args.input, ['input']);
      const bytes = Buffer.from(input.contentBase64, 'base64');
      if (bytes.length > MAX_UPLOAD_BYTES) {
        throw badInput(`input.contentBase64: the file is ${bytes.length} bytes, more than the ${MAX_UPLOAD_BYTES} the console accepts; split it, or use npm run import:households`, ['input', 'contentBase64'], { reason: 'too_big', params: { maximum: MAX_UPLOAD_BYTES } });
      }
      const access = accessOf(ctx);
      return importHouseholds(
        ctx,
        bytes,
        { fileName: input.fileName, dryRun: input.dryRun, mode: input.mode },
        {
          actor: access.actor(),
          mayWriteVillage: (villageId) => access.villageInScope(villageId),
          mayReadHousehold: (id) => access.canRead('Household', id),
        },
      ).catch((error: unknown) => {
        // The file itself could not be read: the path names the argument that carried it.
        if (isHuzhuError(error) && error.path[0] === 'file') {
          throw new HuzhuError(error.code, error.message.replace(/^file: /, 'input.contentBase64: '), { path: ['input', 'contentBase64'], details: error.details, cause: error });
        }
        throw error;
      });
    },
  },
};
