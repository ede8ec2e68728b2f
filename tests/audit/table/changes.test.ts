import * as assert from "assert";
import { diffAccount } from "../../../policy-pack/audit/compare/diff";
import { sectionsOf } from "../../../policy-pack/audit/compare/sections";
import { AccountChanges } from "../../../policy-pack/audit/compare/types";
import { changesText } from "../../../policy-pack/audit/render/changes/text";

/** An account compared with itself: no change of any kind. */
const unchanged = {
  account: "123456789012",
  findings: [],
  snapshot: { users: [], permissions: { roles: [], groups: [], admins: [] } },
};
const empty: AccountChanges = diffAccount(
  { ...unchanged, audited: true },
  "2026-11-02T09:00:00.000Z",
  unchanged,
);

const longName = `u${"x".repeat(63)}`;
const changes: AccountChanges = {
  ...empty,
  principals: {
    added: [{ kind: "user", name: longName }],
    removed: [{ kind: "user", name: "evil\u001b[2Jname" }],
  },
  findings: {
    ...empty.findings,
    new: [
      {
        policy: "admin-access-requires-mfa",
        status: "fail",
        severity: "high",
        subject: "bob",
        message:
          "user bob: full administrative rights from policy AdministratorAccess through group Administrators, which does not enforce MFA",
        controls: [],
      },
    ],
  },
};

describe("the terminal's changes section (--compare)", () => {
  for (const width of [40, 80, 120]) {
    it(`fits ${width} columns, each item under its own indent, nothing lost`, () => {
      const lines = changesText(changes, width).trimEnd().split("\n");
      for (const l of lines)
        assert.ok(Array.from(l).length <= width, `${Array.from(l).length} > ${width}: ${l}`);
      const items = lines
        .join("\n")
        .split(/\n {4}- /)
        .slice(1);
      const words = (s: string) => s.split(/\s+/).filter(Boolean).join(" ");
      assert.ok(
        lines.some((l) => l.includes(longName)) || width < 70,
        "a 64-character name on one line when it fits",
      );
      assert.ok(
        words(items.join(" ")).includes(
          "user bob: full administrative rights from policy AdministratorAccess through group Administrators, which does not enforce MFA",
        ),
      );
      const continuation = lines.filter((l) => /^ {6}\S/.test(l));
      if (width < 100) assert.ok(continuation.length > 0, "the long message wraps under the item's indent");
    });
  }

  it("shows control characters in names as U+FFFD, never sends them to the terminal", () => {
    const text = changesText(changes, 80);
    assert.ok(!text.includes("\u001b"));
    assert.match(text, /user evil\ufffd\[2Jname/);
  });

  it("says No changes. when nothing changed", () => {
    assert.strictEqual(
      changesText(empty, 80),
      "Changes since the audit of 2026-11-02T09:00:00.000Z:\n  No changes.\n",
    );
  });
});

describe("the changes' wording (every format's)", () => {
  const fails = (subject: string) => ({
    policy: "iam-users-mfa-enabled" as const,
    status: "fail" as const,
    severity: "high" as const,
    subject,
    message: `${subject}: console password enabled without MFA`,
    controls: [],
  });
  it("a resolved finding whose principal was removed says so; one fixed in place does not", () => {
    const c: AccountChanges = {
      ...empty,
      principals: { added: [], removed: [{ kind: "user", name: "dave" }] },
      findings: { ...empty.findings, resolved: [fails("dave"), fails("carol")] },
    };
    const resolved = sectionsOf(c).sections.find((s) => s.title === "Findings resolved");
    assert.deepStrictEqual(resolved?.items, [
      "iam-users-mfa-enabled dave: dave: console password enabled without MFA (the user was removed)",
      "iam-users-mfa-enabled carol: carol: console password enabled without MFA",
    ]);
  });
});
