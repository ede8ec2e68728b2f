import * as assert from "assert";
import { adminPolicyOnlyOnMfaGroup } from "../../../policy-pack/resources/adminOnlyOnMfaGroup";
import { alternateContactsComplete } from "../../../policy-pack/resources/alternateContacts";
import { consoleUsersNoAccessKeys } from "../../../policy-pack/resources/consoleUsersNoAccessKeys";
import { iamPoliciesViaGroupsOnly } from "../../../policy-pack/resources/policiesViaGroupsOnly";
import { awsTypes } from "../../../policy-pack/resources/types";
import { unknown } from "../../../tools/engineValues";
import { urnOf, validateStack } from "../../support/policyHarness";
import { supportRoleDeclared } from "../../../policy-pack/resources/baselineServices";
import { adminArn, baselineStack, contacts, forceMfaDocument, res, starStarDocument } from "./stackFixtures";

const stackPolicies = [
  alternateContactsComplete,
  consoleUsersNoAccessKeys,
  iamPoliciesViaGroupsOnly,
  adminPolicyOnlyOnMfaGroup,
];

describe("stack policies over the baseline", () => {
  it("all pass the baseline stack", async () => {
    for (const p of stackPolicies)
      assert.deepStrictEqual(await validateStack(p, baselineStack()), { violations: [] }, p.name);
  });
  // As the real engine previews the baseline: the SupportRole's group policy names the role's ARN,
  // unknown until the role exists. Only a policy that reads policy documents may say it cannot
  // decide; the others never read the document and judge the stack in full.
  it("during preview, an unknown group policy document stops only the policies that read documents", async () => {
    const assume = res(awsTypes.groupPolicy, "support-assume", {
      group: "Administrators",
      policy: unknown.string,
    });
    for (const p of [iamPoliciesViaGroupsOnly, supportRoleDeclared]) {
      assert.deepStrictEqual(
        await validateStack(p, [...baselineStack(), assume]),
        { violations: [] },
        p.name,
      );
    }
    const admin = await validateStack(adminPolicyOnlyOnMfaGroup, [...baselineStack(), assume]);
    assert.match(admin.cannotDecide ?? "", /\.policy can't be known during preview/);
  });
});

describe("alternate-contacts-complete", () => {
  const p = alternateContactsComplete;
  it("fails when one contact is missing, naming it and what is declared", async () => {
    const stack = baselineStack().filter((r) => r.props.alternateContactType !== "SECURITY");
    assert.deepStrictEqual(await validateStack(p, stack), {
      violations: [
        {
          message:
            "this account declares only the BILLING, OPERATIONS alternate contacts; SECURITY is missing (required: BILLING, OPERATIONS, SECURITY)",
        },
      ],
    });
  });
  it("stays quiet on a stack that manages no contacts (another stack owns them, as for a member account)", async () => {
    const stack = baselineStack().filter((r) => r.type !== awsTypes.alternativeContact);
    assert.deepStrictEqual(await validateStack(p, stack), { violations: [] });
  });
  it("judges only the accounts the stack declares contacts for", async () => {
    const own = baselineStack().filter((r) => r.type !== awsTypes.alternativeContact);
    const member = contacts("111122223333").filter((r) => r.props.alternateContactType === "SECURITY");
    assert.deepStrictEqual(await validateStack(p, [...own, ...member]), {
      violations: [
        {
          message:
            "account 111122223333 declares only the SECURITY alternate contact; BILLING, OPERATIONS are missing (required: BILLING, OPERATIONS, SECURITY)",
        },
      ],
    });
  });
  it("judges each member account on its own", async () => {
    const member = contacts("111122223333").filter((r) => r.props.alternateContactType === "BILLING");
    assert.deepStrictEqual(await validateStack(p, [...baselineStack(), ...member]), {
      violations: [
        {
          message:
            "account 111122223333 declares only the BILLING alternate contact; OPERATIONS, SECURITY are missing (required: BILLING, OPERATIONS, SECURITY)",
        },
      ],
    });
  });
  it("follows configured required types", async () => {
    const stack = baselineStack().filter((r) => r.props.alternateContactType !== "OPERATIONS");
    assert.deepStrictEqual(await validateStack(p, stack, { requiredTypes: ["BILLING", "SECURITY"] }), {
      violations: [],
    });
  });
  it("cannot decide an unknown contact type during preview", async () => {
    const stack = baselineStack().map((r) =>
      r.props.alternateContactType === "SECURITY"
        ? { ...r, props: { ...r.props, alternateContactType: unknown.string } }
        : r,
    );
    const out = await validateStack(p, stack);
    assert.deepStrictEqual(out.violations, []);
    assert.match(out.cannotDecide ?? "", /alternateContactType can't be known during preview/);
  });
});

describe("console-users-no-access-keys", () => {
  const p = consoleUsersNoAccessKeys;
  it("fails an access key for a user with a login profile, on the key", async () => {
    const key = res(awsTypes.accessKey, "alice-key", { user: "alice", status: "Active" });
    assert.deepStrictEqual(await validateStack(p, [...baselineStack(), key]), {
      violations: [
        {
          message:
            'user "alice" has console access (login profile "admins-alice-login") and an Active access key "alice-key"; users with console access must have no access keys',
          urn: urnOf(key),
        },
      ],
    });
  });
  it("passes an access key for a user without console access", async () => {
    const stack = [
      ...baselineStack(),
      res(awsTypes.user, "ci", { name: "ci" }),
      res(awsTypes.accessKey, "ci-key", { user: "ci" }),
    ];
    assert.deepStrictEqual(await validateStack(p, stack), { violations: [] });
  });
  it("matches a user referenced by ARN to the login profile's user name", async () => {
    const key = res(awsTypes.accessKey, "alice-key", {
      user: "arn:aws:iam::123456789012:user/alice",
      status: "Inactive",
    });
    const out = await validateStack(p, [...baselineStack(), key]);
    assert.strictEqual(out.violations.length, 1);
    assert.match(out.violations[0].message, /user "alice" .* Inactive access key "alice-key"/);
  });
  it("still judges known keys when one key's user is unknown, then reports it cannot decide", async () => {
    const stack = [
      ...baselineStack(),
      res(awsTypes.accessKey, "unknown-key", { user: unknown.string }),
      res(awsTypes.accessKey, "alice-key", { user: "alice" }),
    ];
    const out = await validateStack(p, stack);
    assert.strictEqual(out.violations.length, 1);
    assert.match(out.cannotDecide ?? "", /\.user can't be known during preview/);
  });
});

describe("iam-policies-via-groups-only", () => {
  const p = iamPoliciesViaGroupsOnly;
  const cases: [string, ReturnType<typeof res>, string][] = [
    [
      "an inline user policy",
      res(awsTypes.userPolicy, "alice-inline", { user: "alice", policy: JSON.stringify(starStarDocument) }),
      'user "alice" has an inline policy directly (UserPolicy "alice-inline"); users must receive policies only through groups',
    ],
    [
      "a user policy attachment",
      res(awsTypes.userPolicyAttachment, "alice-ro", {
        user: "alice",
        policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
      'user "alice" has policy arn:aws:iam::aws:policy/ReadOnlyAccess attached directly (UserPolicyAttachment "alice-ro"); users must receive policies only through groups',
    ],
    [
      "a PolicyAttachment naming users",
      res(awsTypes.policyAttachment, "ro-all", {
        users: ["alice"],
        groups: ["Administrators"],
        policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
      'user "alice" has policy arn:aws:iam::aws:policy/ReadOnlyAccess attached directly (PolicyAttachment "ro-all"); users must receive policies only through groups',
    ],
    [
      "exclusive user policy attachments",
      res(awsTypes.userPolicyAttachmentsExclusive, "alice-excl", {
        userName: "alice",
        policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      }),
      'user "alice" has policy arn:aws:iam::aws:policy/ReadOnlyAccess attached directly (UserPolicyAttachmentsExclusive "alice-excl"); users must receive policies only through groups',
    ],
  ];
  for (const [what, r, message] of cases) {
    it(`fails ${what}, on that resource`, async () => {
      assert.deepStrictEqual(await validateStack(p, [...baselineStack(), r]), {
        violations: [{ message, urn: urnOf(r) }],
      });
    });
  }
  it("passes group and role policies", async () => {
    const stack = [
      ...baselineStack(),
      res(awsTypes.groupPolicyAttachment, "g-ro", {
        group: "Administrators",
        policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
      res(awsTypes.rolePolicyAttachment, "r-ro", {
        role: "deployer",
        policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
      res(awsTypes.policyAttachment, "g-only", {
        groups: ["Administrators"],
        policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
    ];
    assert.deepStrictEqual(await validateStack(p, stack), { violations: [] });
  });
});

describe("admin-policy-only-on-mfa-group", () => {
  const p = adminPolicyOnlyOnMfaGroup;
  it("fails AdministratorAccess attached to a user", async () => {
    const r = res(awsTypes.userPolicyAttachment, "alice-admin", { user: "alice", policyArn: adminArn });
    assert.deepStrictEqual(await validateStack(p, [...baselineStack(), r]), {
      violations: [
        {
          message: `user "alice" gets full administrative rights from policy ${adminArn} (alice-admin) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA`,
          urn: urnOf(r),
        },
      ],
    });
  });
  it("fails an inline * on * policy on a role", async () => {
    const r = res(awsTypes.rolePolicy, "deployer-all", { role: "deployer", policy: starStarDocument });
    const out = await validateStack(p, [...baselineStack(), r]);
    assert.deepStrictEqual(
      out.violations.map((v) => v.message),
      [
        'role "deployer" gets full administrative rights from an inline "*" on "*" policy (deployer-all) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA',
      ],
    );
  });
  it("fails AdministratorAccess in a Role's own managedPolicyArns, as it fails a RolePolicyAttachment", async () => {
    const role = res(awsTypes.role, "deployer", {
      name: "Deployer",
      assumeRolePolicy: "{}",
      managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", adminArn],
    });
    const attachment = res(awsTypes.rolePolicyAttachment, "deployer-admin", {
      role: "Deployer",
      policyArn: adminArn,
    });
    const viaRole = await validateStack(p, [...baselineStack(), role]);
    assert.deepStrictEqual(viaRole, {
      violations: [
        {
          message: `role "Deployer" gets full administrative rights from policy ${adminArn} (deployer) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA`,
          urn: urnOf(role),
        },
      ],
    });
    const viaAttachment = await validateStack(p, [...baselineStack(), attachment]);
    assert.deepStrictEqual(
      viaAttachment.violations.map((v) => v.message.replace("(deployer-admin)", "(deployer)")),
      viaRole.violations.map((v) => v.message),
    );
  });
  it("fails a * on * document in a Role's own inlinePolicies, and a customer-managed one in managedPolicyArns", async () => {
    const inlineRole = res(awsTypes.role, "ci", {
      name: "CI",
      inlinePolicies: [
        {
          name: "read",
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "s3:Get*", Resource: "*" }],
          }),
        },
        { name: "all", policy: JSON.stringify(starStarDocument) },
      ],
    });
    const everything = res(awsTypes.policy, "everything", {
      name: "Everything",
      arn: "arn:aws:iam::123456789012:policy/Everything",
      policy: JSON.stringify(starStarDocument),
    });
    const managedRole = res(awsTypes.role, "ops", {
      managedPolicyArns: ["arn:aws:iam::123456789012:policy/Everything"],
    });
    const out = await validateStack(p, [...baselineStack(), inlineRole, everything, managedRole]);
    assert.deepStrictEqual(
      out.violations.map((v) => v.message),
      [
        'role "CI" gets full administrative rights from an inline "*" on "*" policy (ci) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA',
        'role "ops" gets full administrative rights from policy arn:aws:iam::123456789012:policy/Everything (ops) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA',
      ],
    );
  });
  it("passes a Role whose own policies grant less than everything", async () => {
    const role = res(awsTypes.role, "reader", {
      name: "Reader",
      managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      inlinePolicies: [
        {
          name: "s3",
          policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
        },
      ],
    });
    assert.deepStrictEqual(await validateStack(p, [...baselineStack(), role]), { violations: [] });
  });
  it("fails a customer-managed * on * policy attached to a group without MFA enforcement", async () => {
    const stack = [
      ...baselineStack(),
      res(awsTypes.group, "ops", { name: "Ops" }),
      res(awsTypes.policy, "everything", {
        name: "Everything",
        arn: "arn:aws:iam::123456789012:policy/Everything",
        policy: JSON.stringify(starStarDocument),
      }),
      res(awsTypes.groupPolicyAttachment, "ops-everything", {
        group: "Ops",
        policyArn: "arn:aws:iam::123456789012:policy/Everything",
      }),
    ];
    const out = await validateStack(p, stack);
    assert.deepStrictEqual(
      out.violations.map((v) => v.message),
      [
        'group "Ops" gets full administrative rights from policy arn:aws:iam::123456789012:policy/Everything (ops-everything) but no policy on that group denies access without MFA; administrator rights must come only from a group that enforces MFA',
      ],
    );
  });
  it("passes a group whose MFA deny comes from an attached customer-managed policy", async () => {
    const stack = [
      res(awsTypes.group, "ops", { name: "Ops" }),
      res(awsTypes.policy, "force-mfa", {
        name: "ForceMFA",
        arn: "arn:aws:iam::123456789012:policy/ForceMFA",
        policy: forceMfaDocument,
      }),
      res(awsTypes.groupPolicyAttachment, "ops-mfa", {
        group: "Ops",
        policyArn: "arn:aws:iam::123456789012:policy/ForceMFA",
      }),
      res(awsTypes.groupPolicyAttachment, "ops-admin", { group: "Ops", policyArn: adminArn }),
    ];
    assert.deepStrictEqual(await validateStack(p, stack), { violations: [] });
  });
  const counted = (reasons: string) =>
    `group "Administrators" gets full administrative rights from policy ${adminArn} (admins-admin) but the MFA Deny on that group does not count: ${reasons}; administrator rights must come only from a group that enforces MFA`;
  for (const [what, change, expected] of [
    [
      "is BoolIfExists true instead of false",
      { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } },
      `group "Administrators" gets full administrative rights from policy ${adminArn} (admins-admin) but no policy on that group denies access without MFA; administrator rights must come only from a group that enforces MFA`,
    ],
    [
      "is an Allow, not a Deny",
      { Effect: "Allow" },
      `group "Administrators" gets full administrative rights from policy ${adminArn} (admins-admin) but no policy on that group denies access without MFA; administrator rights must come only from a group that enforces MFA`,
    ],
    [
      "exempts a whole service (iam:*)",
      { NotAction: ["iam:*", "sts:GetSessionToken"] },
      counted("its Deny exempts iam:*, which is not MFA self-service"),
    ],
    [
      "exempts a non-IAM action (s3:GetObject)",
      { NotAction: ["iam:ChangePassword", "s3:GetObject"] },
      counted("its Deny exempts s3:GetObject, which is not MFA self-service"),
    ],
    [
      "covers one resource, not *",
      { Resource: "arn:aws:s3:::bucket" },
      counted('its Deny applies to arn:aws:s3:::bucket, not to every resource ("*")'),
    ],
  ] as const) {
    it(`does not count an MFA statement that ${what}`, async () => {
      const weak = { ...forceMfaDocument, Statement: [{ ...forceMfaDocument.Statement[0], ...change }] };
      const stack = baselineStack().map((r) =>
        r.type === awsTypes.groupPolicy ? { ...r, props: { ...r.props, policy: JSON.stringify(weak) } } : r,
      );
      const out = await validateStack(p, stack);
      assert.deepStrictEqual(
        out.violations.map((v) => v.message),
        [expected],
      );
    });
  }
  it("does not count Bool (only BoolIfExists) false with Action *: requests signed with access keys carry no MFA key", async () => {
    const bool = {
      Statement: {
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": false } },
      },
    };
    const stack = baselineStack().map((r) =>
      r.type === awsTypes.groupPolicy ? { ...r, props: { ...r.props, policy: bool } } : r,
    );
    assert.deepStrictEqual(
      (await validateStack(p, stack)).violations.map((v) => v.message),
      [
        counted(
          'its Deny uses Bool, which does not apply to requests signed with access keys (they carry no aws:MultiFactorAuthPresent; use BoolIfExists, or add a Deny with Null "aws:MultiFactorAuthPresent": "true")',
        ),
      ],
    );
  });
  it("ignores non-admin policies on users (that is iam-policies-via-groups-only's job)", async () => {
    const r = res(awsTypes.userPolicyAttachment, "alice-ro", {
      user: "alice",
      policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    });
    assert.deepStrictEqual(await validateStack(p, [...baselineStack(), r]), { violations: [] });
  });
  it("cannot decide an unknown policy document during preview", async () => {
    const r = res(awsTypes.userPolicy, "alice-inline", { user: "alice", policy: unknown.string });
    const out = await validateStack(p, [...baselineStack(), r]);
    assert.deepStrictEqual(out.violations, []);
    assert.match(out.cannotDecide ?? "", /\.policy can't be known during preview/);
  });
});
