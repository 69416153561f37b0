// The environment every test process and the test server share. Each variable can be
// overridden, so parallel runs (or CI's PostgreSQL pass) use their own database, port and build.
export function testEnv(): Record<string, string> {
  const port = process.env.TEST_PORT ?? "3210";
  return {
    NODE_ENV: "test",
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./prisma/test.db",
    APP_URL: `http://127.0.0.1:${port}`,
    TEST_PORT: port,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
    ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
    MAIL_TRANSPORT: "outbox",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    HASH_CONCURRENCY: "2",
    // a deployment with its mailbox off (npm start turns it on for the embedded outbox)
    DEV_MAILBOX: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(process.env.TEST_LOG_FILE ? { TEST_LOG_FILE: process.env.TEST_LOG_FILE } : {}),
  };
}

/** The Playwright run's server: same build as the API tests, its own database and port. */
export function e2eEnv(): Record<string, string> {
  const port = process.env.E2E_PORT ?? "3220";
  return {
    ...testEnv(),
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db",
    // a host name, not an address: WebAuthn takes no IP address as its relying party (the passkey specs)
    APP_URL: `http://localhost:${port}`,
    E2E_PORT: port,
    DEV_MAILBOX: "1",
    // as behind a proxy: e2e/dev-mailbox.spec.ts stands for another machine with X-Forwarded-For
    TRUST_PROXY: "1",
  };
}
