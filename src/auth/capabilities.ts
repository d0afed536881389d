import { paths } from '../paths.ts';
import { useIdentity } from './identity.ts';
import { hasPermission } from './permissions.ts';

/** What Token Admin lets someone do, each with the one Genesys permission it needs: the one place these are named. */
export const CAPABILITIES = {
  viewUsers: {
    label: 'Find users and groups',
    /** "You may not …" */
    action: 'search users',
    permission: 'directory:user:view',
    page: { href: paths.users.href(), label: 'Open Users' },
  },
  revokeTokens: {
    label: "Revoke users' tokens",
    action: "revoke users' tokens",
    permission: 'oauth:token:delete',
    page: { href: paths.bulkRevoke.href(), label: 'Open Bulk revoke' },
  },
  changeIdleTimeout: {
    label: 'Change the idle token timeout',
    action: 'change the idle token timeout',
    permission: 'directory:organization:admin',
    page: { href: paths.idleTimeout.href(), label: 'Open Idle timeout' },
  },
} as const;

export type Capability = keyof typeof CAPABILITIES;

export interface CapabilityState {
  /** Whether the admin's roles grant it; false until Genesys has said who they are. */
  allowed: boolean;
  /** Whether Genesys has said (users/me loaded). */
  known: boolean;
  permission: string;
  action: string;
}

export function capabilityFor(name: Capability, permissions: readonly string[] | undefined): CapabilityState {
  const { permission, action } = CAPABILITIES[name];
  return { allowed: hasPermission(permissions, permission), known: permissions !== undefined, permission, action };
}

/** One capability of the signed-in admin. */
export function useCapability(name: Capability): CapabilityState {
  const { me } = useIdentity();
  return capabilityFor(name, me.data ? (me.data.authorization?.permissions ?? []) : undefined);
}
