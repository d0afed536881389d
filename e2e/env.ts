export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 8788);
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4174);
/** The e2e build is served under a sub-path, as portals host it. */
export const E2E_BASE_PATH = '/tools/tokens/';
export const EMULATOR_URL = `http://localhost:${EMULATOR_PORT}`;
export const APP_URL = `http://localhost:${APP_PORT}${E2E_BASE_PATH}`;
