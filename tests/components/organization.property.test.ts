import * as assert from "assert";
import fc from "fast-check";
import { accountIdList } from "../../components/validation/aws";
import { Issues } from "../../components/validation/checks";
import { memberTargets } from "../../components/organizationTargets";

const accountIds = fc.stringMatching(/^[0-9]{12}$/);
const distinctIds = (min: number, max: number) =>
  fc.uniqueArray(accountIds, { minLength: min, maxLength: max });

describe("organization validators (property-based)", () => {
  it("accountIdList accepts every list of distinct 12-digit ids as it is", () => {
    fc.assert(
      fc.property(distinctIds(1, 20), (ids) => {
        const issues = new Issues();
        assert.deepStrictEqual(accountIdList(issues, "ids", ids), ids);
        assert.strictEqual(issues.count, 0);
      }),
    );
  });

  it("accountIdList rejects a list with a repeated id or any id that is not 12 digits, naming its index", () => {
    const notAnId = fc.oneof(
      fc.stringMatching(/^[0-9]{1,11}$/),
      fc.stringMatching(/^[0-9]{13,16}$/),
      fc.stringMatching(/^[0-9]{0,11}[a-zA-Z -][0-9]{0,11}$/).filter((s) => s.length === 12),
      fc.integer({ min: 0, max: 999999999999 }),
    );
    fc.assert(
      fc.property(distinctIds(0, 10), notAnId, fc.nat(), (ids, bad, at) => {
        const i = at % (ids.length + 1);
        const list = [...ids.slice(0, i), bad, ...ids.slice(i)];
        const issues = new Issues();
        assert.strictEqual(accountIdList(issues, "ids", list), undefined);
        assert.strictEqual(issues.count, 1);
      }),
    );
    fc.assert(
      fc.property(distinctIds(1, 10), fc.nat(), (ids, at) => {
        const issues = new Issues();
        assert.strictEqual(accountIdList(issues, "ids", [...ids, ids[at % ids.length]]), undefined);
        assert.strictEqual(issues.count, 1);
      }),
    );
  });

  it('"all" targets exactly the ACTIVE members minus exclusions, the management and the own account', () => {
    fc.assert(
      fc.property(distinctIds(3, 30), fc.nat(), fc.nat(), (ids, e, c) => {
        const [management, ...members] = ids;
        const excluded = members.filter((_, i) => i % (2 + (e % 3)) === 0);
        const caller = c % 2 === 0 ? management : members[c % members.length];
        const { memberAccountIds } = memberTargets(
          { memberAccounts: "all", excludeAccounts: excluded, centralizedRootAccess: false },
          { managementAccountId: management, callerAccountId: caller, memberAccountIds: members },
        );
        assert.deepStrictEqual(
          memberAccountIds,
          members.filter((id) => !excluded.includes(id) && id !== caller),
        );
        assert.ok(!memberAccountIds.includes(management));
      }),
    );
  });
});
