/**
 * Each Playwright worker has its own emulator and app server, because the emulator's clock,
 * faults and rate limit are global to it: worker N (TEST_PARALLEL_INDEX) uses the base ports
 * plus N. Outside a worker (the config itself) this is worker 0. One worker by default: on
 * 2 cores a second one saved 12% (4.8 -> 4.2 min) and made timing-sensitive scenarios flaky;
 * `E2E_WORKERS=2` runs two.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));
export const EMULATOR_BASE_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 8788);
export const APP_BASE_PORT = Number(process.env.E2E_APP_PORT ?? 4174);
const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const EMULATOR_PORT = EMULATOR_BASE_PORT + slot;
export const APP_PORT = APP_BASE_PORT + slot;
/** The e2e build is served under a sub-path, as portals host it. */
export const E2E_BASE_PATH = '/tools/tokens/';
export const EMULATOR_URL = `http://localhost:${EMULATOR_PORT}`;
export const APP_URL = `http://localhost:${APP_PORT}${E2E_BASE_PATH}`;
