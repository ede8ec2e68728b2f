/**
 * `unused-service-permissions`: one finding per principal listing the services its policies let
 * it use that it has not used within `unusedDays` (never, or last before the window), so a
 * reviewer can cut them. A principal whose data could not be read is not evaluated, naming why;
 * so is the whole account when the calls were refused. Never a finding from a guess.
 */
import { Fact, isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, fail, Finding, notEvaluated } from "../finding";
import { days } from "../rules/context";
import { PrincipalUse, ServiceUse } from "./job";
import { describePrincipal } from "./principal";

const policy = "unused-service-permissions";
const dayMs = 86_400_000;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

function unusedOf(services: readonly ServiceUse[], unusedDays: number, now: Date): ServiceUse[] {
  const since = now.getTime() - unusedDays * dayMs;
  return services
    .filter((s) => s.lastAuthenticated === null || s.lastAuthenticated.getTime() < since)
    .sort((a, b) => a.namespace.localeCompare(b.namespace));
}

export function unusedServicePermissions(
  uses: Fact<readonly PrincipalUse[]>,
  unusedDays: number,
  now: Date,
): Finding[] {
  if (!isAvailable(uses)) return [notEvaluated(policy, ACCOUNT_SUBJECT, uses.unavailable)];
  return uses.value.flatMap((u) => {
    if ("unavailable" in u) return [notEvaluated(policy, u.principal.name, u.unavailable)];
    const unused = unusedOf(u.services, unusedDays, now);
    if (unused.length === 0) return [];
    const last = unused.filter((s) => s.lastAuthenticated !== null);
    const never = unused.filter((s) => s.lastAuthenticated === null);
    const parts = [
      ...(last.length > 0
        ? [
            `last used before the window: ${last.map((s) => `${s.namespace} (${isoDay(s.lastAuthenticated as Date)})`).join(", ")}`,
          ]
        : []),
      ...(never.length > 0 ? [`never used: ${never.map((s) => s.namespace).join(", ")}`] : []),
    ];
    const n = unused.length;
    return [
      fail(
        policy,
        u.principal.name,
        `${describePrincipal(u.principal)}: ${n} of ${u.services.length} service${u.services.length === 1 ? "" : "s"} its policies allow ${n === 1 ? "was" : "were"} not used in the last ${days(unusedDays)} (${parts.join("; ")}); remove ${n === 1 ? "it" : "them"} from its policies`,
      ),
    ];
  });
}
