/**
 * no-access-keys-at-setup (CIS v5 1.10), from the credential report alone: a console user
 * (password_enabled true) with an active access key created within `setupWindowMinutes` of the
 * user (access_key_N_last_rotated is the key's creation time until it is rotated) and never used
 * (access_key_N_last_used_date N/A). Such a key was made "just in case" at setup.
 */
import { eachUser, Rule } from "./context";

const MINUTE_MS = 60_000;

export const noAccessKeysAtSetup: Rule = (facts, settings) => {
  const windowMinutes = settings.thresholds["no-access-keys-at-setup"].setupWindowMinutes;
  return eachUser("no-access-keys-at-setup", facts.users, (u) => {
    if (u.passwordEnabled !== true || !u.createdAt) return undefined;
    const created = u.createdAt.getTime();
    const keys = u.accessKeys
      .filter((k) => k.active && k.lastUsed === null && k.lastRotated !== null)
      .map((k) => ({ k, minutes: Math.abs(k.lastRotated!.getTime() - created) / MINUTE_MS }))
      .filter(({ minutes }) => minutes <= windowMinutes)
      .map(
        ({ k, minutes }) =>
          `access key ${k.number} created ${Math.round(minutes)} min after the user and never used`,
      );
    return keys.length > 0
      ? `${keys.join(", ")}; a console user must not get an access key at setup (within ${windowMinutes} min of user_creation_time): delete it`
      : undefined;
  });
};
