import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed GraphQL documents from the local SDL (schema/*.graphql, never a URL). */
const root = path.resolve(__dirname, '..');

const config: CodegenConfig = {
  schema: [path.join(root, 'schema/*.graphql')],
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
