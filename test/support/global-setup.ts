// The "services" tests need the PostgreSQL and Redis that `npm test` (scripts/test.mjs) starts.
export default function globalSetup(): void {
  const missing = ['TEST_POSTGRES_ADMIN_URL', 'TEST_TEMPLATE_DATABASE', 'REDIS_URL'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `These tests run against real PostgreSQL and Redis; start them with \`npm test\` (missing ${missing.join(', ')}). ` +
        'For the pure libraries alone: npx jest --selectProjects pure',
    );
  }
}
