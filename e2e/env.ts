/**
 * Each Playwright worker has its own emulator and app server, because the emulator's clock,
 * faults and rate limit are global to it: worker N (TEST_PARALLEL_INDEX) uses the base ports
 * plus N. Outside a worker (the config itself) this is worker 0. Two by default: a scenario
 * spends most of its time waiting on the browser and the emulator, and on 2 cores a second
 * worker took the suite from 7.5 to 6.3 min; `E2E_WORKERS=1` runs one.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
export const EMULATOR_BASE_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 8788);
export const APP_BASE_PORT = Number(process.env.E2E_APP_PORT ?? 4174);
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const EMULATOR_PORT = EMULATOR_BASE_PORT + slot;
export const APP_PORT = APP_BASE_PORT + slot;
/** The e2e build is served under a sub-path, as portals host it. */
export const E2E_BASE_PATH = '/tools/tokens/';
export const EMULATOR_URL = `http://localhost:${EMULATOR_PORT}`;
export const APP_URL = `http://localhost:${APP_PORT}${E2E_BASE_PATH}`;
