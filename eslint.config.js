// @ts-check
const tseslint = require('typescript-eslint');
const js = require('@eslint/js');

/** Layers: domain and graph are pure; they may not reach the store, the API or any driver. */
const boundaries = {
  patterns: [
    { group: ['**/store/**', '**/store', '**/api/**', '**/services/**', 'neo4j-driver', '@apollo/*', 'pino'], message: 'domain/ and graph/ are pure: no store, API, services or drivers (ARCHITECTURE.md).' },
  ],
};

const reactHooks = require('eslint-plugin-react-hooks');
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

/**
 * The console (web/): imports flow one way, shared (components, hooks, lib, testing) → features → app,
 * and features never import each other (bulletproof-react); screens combining features live in app/.
 */
const webFeaturesDir = path.join(__dirname, 'web/src/features');
const webFeatures = existsSync(webFeaturesDir) ? readdirSync(webFeaturesDir) : [];
const webShared = {
  patterns: [{ group: ['@/features/*', '@/app/*', '**/features/**', '**/app/**'], message: 'web/: shared code (components, hooks, lib, testing) may not import features or app (imports flow shared → features → app).' }],
};
const webFeature = (name) => ({
  patterns: [
    { group: ['@/features/*', `!@/features/${name}`, '@/app/*'], message: `web/: the ${name} feature may not import another feature or app/: compose features in web/src/app (bulletproof-react).` },
    { group: ['../../*', '../../../*'], message: 'web/: reach shared code with @/… and stay inside the feature with ./ or ../' },
  ],
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tools/**', '.data/**', '*.js', '*.mjs', 'web/dist/**', 'web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['src/domain/**/*.ts', 'src/graph/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries] } },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx', 'web/**/*.mts'],
    languageOptions: { parserOptions: { projectService: false, project: ['web/tsconfig.json', 'web/tsconfig.node.json'], tsconfigRootDir: __dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['web/src/components/**', 'web/src/hooks/**', 'web/src/lib/**', 'web/src/testing/**'], rules: { 'no-restricted-imports': ['error', webShared] } },
  ...webFeatures.map((name) => ({ files: [`web/src/features/${name}/**`], rules: { 'no-restricted-imports': ['error', webFeature(name)] } })),
);
