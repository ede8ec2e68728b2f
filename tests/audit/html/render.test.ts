import * as assert from "assert";
import { fail } from "../../../policy-pack/account/finding";
import { renderHtml } from "../../../policy-pack/audit/render/html";
import { matrix } from "../../../policy-pack/audit/render/html/matrix";
import { auditFacts } from "../../../policy-pack/audit/run";
import { defaultAuditConfig } from "../../../policy-pack/audit/config";
import { apiFacts, NOW, row, rootRow } from "../../support/accountFacts";
import { permissionFacts } from "../../support/permissionFacts";
import { ADMINISTRATOR_ACCESS, allowAll, goodPermissions, trustAccount } from "../../support/permissionSpec";
import { changes, hostileName, organizationPage } from "./pages";

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

describe("audit HTML report (the document)", () => {
  it("is self-contained: no script, no external stylesheet, image or font, and a CSP that forbids fetching", () => {
    const facts = apiFacts();
    const html = [
      ...renderHtml({
        policies: defaultAuditConfig.policies,
        result: auditFacts(facts, defaultAuditConfig, NOW),
        facts,
        now: NOW,
      }),
    ].join("");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<link|<img|@import|url\(|src=/i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.match(html, /Audited at 2026-11-20T12:00:00.000Z/);
  });

  it("escapes what users control: account names, subjects and messages stay text", async () => {
    const html = await organizationPage();
    assert.ok(!html.includes("<img"), "an account name's markup reached the page");
    assert.ok(!html.includes(hostileName));
    assert.ok(
      html.includes(
        "&lt;img src=&quot;http://evil.example/x.png&quot; onerror=&quot;alert(1)&quot;&gt;Team &amp; Co",
      ),
    );
    assert.ok(html.includes("AccessDenied &lt;not&gt; authorized"));
    const facts = apiFacts();
    const result = {
      ...auditFacts(facts, defaultAuditConfig, NOW),
      findings: [fail("iam-users-mfa-enabled", "a<b>\u001b[31m", "x </td><script>y")],
    };
    const page = [...renderHtml({ policies: defaultAuditConfig.policies, result, facts })].join("");
    assert.ok(!page.includes("<script") && !page.includes("a<b>") && !page.includes("\u001b"));
    assert.ok(page.includes("a&lt;b&gt;\ufffd[31m") && page.includes("x &lt;/td&gt;&lt;script&gt;y"));
  });

  it("organization: a section per account, totals with a check mark only for the account that passed", async () => {
    const html = await organizationPage();
    assert.strictEqual(count(html, /<section class="account"/g), 3);
    const totals = html.slice(html.indexOf('<section class="totals"'));
    assert.strictEqual(count(totals, /✓ passed/g), 1);
    assert.match(
      totals,
      /<a href="#account-111111111111">111111111111<\/a><\/td><td>prod<\/td><td><span class="passed">✓ passed/,
    );
    assert.match(totals, /222222222222<\/a><\/td><td>&lt;img[^<]*<\/td><td><span class="failed">failing/);
    assert.match(totals, /333333333333<\/td><td><\/td><td class="failed" colspan="6">could not be audited/);
    assert.match(
      totals,
      /<th colspan="3">All 3 accounts \(1 could not be audited\)<\/th><th>0<\/th><th>2<\/th>/,
    );
  });

  it("renders the changes given (--compare) and says so when there are none", async () => {
    const html = await organizationPage();
    const failingSection = html.slice(
      html.indexOf('id="account-222222222222"'),
      html.indexOf('id="account-333333333333"'),
    );
    assert.match(failingSection, /Changes since the audit of 2026-10-20T12:00:00.000Z\./);
    assert.match(failingSection, /Principals added<\/th><td><ul><li>user heidi<\/li><\/ul>/);
    assert.match(failingSection, /Principals removed<\/th><td><ul><li>user mallory<\/li>/);
    assert.match(failingSection, /Credentials added<\/th><td><ul><li>bob: access key 2 \(active\)/);
    assert.match(
      failingSection,
      /Admin rights gained<\/th><td><ul><li>user bob via policy AdministratorAccess/,
    );
    assert.match(failingSection, /Added to groups<\/th><td><ul><li>user heidi to group Developers/);
    assert.match(
      failingSection,
      /Findings new<\/th><td><ul><li>iam-users-mfa-enabled heidi: heidi: console password enabled without MFA/,
    );
    assert.match(
      failingSection,
      /Findings resolved<\/th><td><ul><li>access-keys-rotated carol: carol: key old/,
    );
    // Kinds with no change are left out, as in every other format.
    assert.doesNotMatch(failingSection, /Credentials removed|Admin rights lost|Not compared/);
    const orgChanges = html.slice(html.indexOf('<section class="org-changes"'));
    assert.match(orgChanges, /Accounts added<\/th><td><ul><li>111111111111 \(prod\)/);
    assert.match(orgChanges, /Accounts removed<\/th><td><ul><li>444444444444 \(retired\)/);
    assert.match(orgChanges, /Accounts not compared<\/th><td><ul><li>333333333333: could not be audited now/);
    assert.ok(changes.findings.new.length === 1);
    const passingSection = html.slice(
      html.indexOf('id="account-111111111111"'),
      html.indexOf('id="account-222222222222"'),
    );
    assert.match(passingSection, /Not compared: run with --compare/);
    assert.match(passingSection, /✓ passed/);
  });

  it("each failing check carries its remediation and AWS documentation link", () => {
    const facts = apiFacts({ users: { value: [rootRow(), row("bob", { mfaActive: false })] } });
    const html = [
      ...renderHtml({
        policies: defaultAuditConfig.policies,
        result: auditFacts(facts, defaultAuditConfig, NOW),
        facts,
      }),
    ].join("");
    assert.match(
      html,
      /<code>iam-users-mfa-enabled<\/code>[\s\S]*?<b>Remediation:<\/b> Ask the user to sign in and assign an MFA device[\s\S]*?<a href="https:\/\/docs.aws.amazon.com\/IAM\/latest\/UserGuide\/id_credentials_mfa_enable_virtual.html">AWS documentation<\/a>[\s\S]*?<td class="subject">bob<\/td>/,
    );
  });
});

describe("audit HTML report (who holds full administrative rights)", () => {
  const page = (facts: ReturnType<typeof apiFacts>) =>
    [
      ...renderHtml({
        policies: defaultAuditConfig.policies,
        result: auditFacts(facts, defaultAuditConfig, NOW),
        facts,
      }),
    ].join("");
  const admins = (html: string) => html.slice(html.indexOf("Who holds full"), html.indexOf("Changes since"));

  it("lists each user and role with admin rights and through what, from the permissions snapshot", () => {
    const facts = apiFacts(
      permissionFacts({
        ...goodPermissions,
        users: {
          alice: { groups: ["Administrators"] },
          bob: { attached: [ADMINISTRATOR_ACCESS] },
          carol: {},
        },
        roles: { Ops: { inline: { all: allowAll }, trust: trustAccount(false) } },
      }),
    );
    const rows = admins(page(facts)).match(/<tr><td>[^]*?<\/tr>/g) ?? [];
    assert.deepStrictEqual(rows, [
      `<tr><td>user</td><td class="subject">alice</td><td>group Administrators (policy AdministratorAccess)</td></tr>`,
      `<tr><td>user</td><td class="subject">bob</td><td>policy AdministratorAccess</td></tr>`,
      `<tr><td>role</td><td class="subject">Ops</td><td>inline policy all</td></tr>`,
    ]);
  });

  it("says why when the permissions could not be read (a credential report file)", () => {
    const facts = apiFacts({
      authorization: { unavailable: "access denied to iam:GetAccountAuthorizationDetails" },
    });
    assert.match(admins(page(facts)), /Not evaluated: access denied to iam:GetAccountAuthorizationDetails/);
  });
});

describe("audit HTML report (the users x checks matrix)", () => {
  const findings = (users: number) =>
    Array.from({ length: users }, (_, i) => [
      fail("iam-users-mfa-enabled", `user-${i}`, "m"),
      ...(i % 3 === 0 ? [fail("access-keys-rotated", `user-${i}`, "m")] : []),
    ]).flat();

  it("marks who fails what, most failing checks first", () => {
    const html = [...matrix(findings(5), "a")].join("").split("<tbody>")[1];
    const rows = html.match(/<tr><th class="subject">[^<]*<\/th>.*?<\/tr>/g) ?? [];
    assert.deepStrictEqual(
      rows.map((r) => [r.match(/subject">([^<]*)/)?.[1], count(r, /class="fail"/g)]),
      [
        ["user-0", 2],
        ["user-3", 2],
        ["user-1", 1],
        ["user-2", 1],
        ["user-4", 1],
      ],
    );
  });

  it("20,000 users: 200 rows and a note, linear in the findings", () => {
    const time = (n: number) => {
      const f = findings(n);
      const t = process.hrtime.bigint();
      const html = [...matrix(f, "a")].join("");
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, html };
    };
    time(2_000);
    const small = time(20_000);
    const large = time(160_000);
    assert.strictEqual(count(small.html.split("<tbody>")[1], /<tr><th class="subject">/g), 200);
    assert.match(
      small.html,
      /Showing the 200 subjects failing the most checks of 20000 that fail at least one/,
    );
    assert.match(small.html, /<tr><th class="subject">user-0<\/th>/);
    assert.ok(large.ms < small.ms * 8 * 3 + 50, `8x the findings took ${large.ms} ms vs ${small.ms} ms`);
  });
});
