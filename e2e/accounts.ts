import { ADMIN } from '../emulator/seed.ts';

export { APP_CLIENT_ID } from '../emulator/seed.ts';

export const ADMIN_ID = ADMIN.id;
