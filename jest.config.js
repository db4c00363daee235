/**
 * Three tiers, one runner: unit (pure code, memory store), contract (the
 * GraphStore suite against every available adapter) and api (HTTP against a
 * started server). The Neo4j tier runs when NEO4J_URI is set; CI always sets it.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];
const common = { transform: { '^.+\\.ts$': swc }, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.test.ts'] },
    // The console's pure logic (error mapping, applyServerErrors, drafts, the i18n key check), tests beside the code in web/src.
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/web/src/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }] },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/web/src/$1' },
    },
  ],
  testTimeout: 60000,
};
