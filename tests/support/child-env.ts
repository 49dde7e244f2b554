/**
 * The environment of a process a test starts (the app, `npm run …`, a script): the shell's, less
 * what would send it somewhere real. DATABASE_URL goes because each caller names the database it
 * made; RESEND_API_KEY and RESEND_BASE_URL go because a developer's own key in the shell would
 * have the test's mail delivered to real addresses. A test that means to send (to the Resend
 * stand-in) sets them again in `overrides`; an undefined value there leaves a variable unset.
 */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _database,
    RESEND_API_KEY: _resendKey,
    RESEND_BASE_URL: _resendUrl,
    ...inherited
  } = process.env;
  return { ...inherited, ...overrides };
}
