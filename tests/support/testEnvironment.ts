/** What the test suite needs from the machine, and whether globalSetup found it. */
export { CHROMIUM_ARGS, CHROMIUM_PATH, TEST_DATABASE_URL } from './machine';

export const postgresAvailable = (): boolean => process.env.KD_POSTGRES_AVAILABLE === 'true';
export const chromiumAvailable = (): boolean => process.env.KD_CHROMIUM_AVAILABLE === 'true';

/** A describe block that runs only where PostgreSQL is reachable (always under CI). */
export const describeWithPostgres: jest.Describe = postgresAvailable() ? describe : describe.skip;

/** A describe block that runs only where Chromium is installed (always under CI). */
export const describeWithChromium: jest.Describe = chromiumAvailable() ? describe : describe.skip;
