import { ADMIN } from '../emulator/seed.ts';

export const ADMIN_ID = ADMIN.id;
