// Two projects: "pure" needs nothing but Node (libs with no I/O); "services" runs against the
// real PostgreSQL and Redis that scripts/test.mjs starts (it sets DATABASE_URL and REDIS_URL).
const shared = {
  transform: {
    // transpile only (fast); `npm run typecheck` and the build check the types
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@vankien/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};
// pure code: libraries with no I/O, the authorization policy (a pure function), the web client's
// helpers, and the check of the committed OpenAPI documents (built from the apps' metadata, no database)
const pureLibs = ['test/openapi', 'libs/synthesis', 'libs/document-schema', 'libs/office', 'libs/auth/src/policy', 'libs/domain/src/approval', 'apps/web/src'];
module.exports = {
  // a Jest-wide option (ignored inside a project): tests start real apps and servers
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'pure',
      testMatch: pureLibs.map((lib) => `<rootDir>/${lib}/**/*.spec.ts`),
    },
    {
      ...shared,
      displayName: 'services',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...pureLibs.map((lib) => `<rootDir>/${lib}/`)],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
