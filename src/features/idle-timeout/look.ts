import { formatDuration } from '../../api/timeoutDuration.ts';
import type { IdleTokenTimeout } from '../../api/tokens.ts';
import type { PageLook } from '../../ui/pageLook.ts';

/** The idle timeout page's heading with the settings in: what applies now, in a sentence. */
export function idleTimeoutLook(settings: IdleTokenTimeout): PageLook {
  if (!settings.enableIdleTokenTimeout) {
    return { title: 'Idle timeout', lead: ['Off: an unused token keeps working until it expires.'] };
  }
  const groups = new Set(settings.inactivityTimeoutGroupsEnabled ? (settings.inactivityTimeoutGroupBundles ?? []).flatMap((bundle) => bundle.groups) : []).size;
  const everyone = formatDuration(settings.idleTokenTimeoutSeconds ?? Number.NaN);
  const rest = groups === 0 ? 'for everyone in the organisation' : `except for members of ${String(groups)} ${groups === 1 ? 'group' : 'groups'} with a timeout of their own`;
  return { title: 'Idle timeout', lead: [`On: a token unused for ${everyone} stops working, ${rest}.`] };
}
