import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents from the local SDL (schema/*.graphql, never a URL).
 * Until an engineer's module lands in schema/, its contract lives in
 * web/pending-schema/<module>.graphql and is read instead; once schema/<module>.graphql
 * exists the pending copy is ignored (and should be deleted).
 */
const root = path.resolve(__dirname, '..');
const pending = ['accounts', 'search']
  .filter((name) => !existsSync(path.join(root, 'schema', `${name}.graphql`)))
  .map((name) => path.join(__dirname, 'pending-schema', `${name}.graphql`));

const config: CodegenConfig = {
  schema: [path.join(root, 'schema/*.graphql'), ...pending],
  documents: [path.join(__dirname, 'src/**/*.{ts,tsx}'), `!${path.join(__dirname, 'src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [path.join(__dirname, 'src/gql/')]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', Date: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
  silent: true,
};
export default config;
