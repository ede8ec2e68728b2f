/**
 * The organization's active accounts, streamed from Organizations ListAccounts (20 per page, the
 * next page requested while the current one is being audited), and the identity of the
 * credentials running the audit. The SDK is loaded on first use.
 */
import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import { describeAwsFailure, notAwsAnswer } from "../../account/awsErrors";

/** The organization could not be listed, or the credentials identified: nothing to audit. */
export class OrganizationError extends Error {}

export interface OrganizationAccount {
  readonly id: string;
  readonly name?: string;
}

export interface Caller {
  readonly account: string;
  readonly arn: string;
  /** `aws`, `aws-us-gov`, `aws-cn`: for the role ARNs. */
  readonly partition: string;
}

export async function callerIdentity(clientConfig: Readonly<Record<string, unknown>>): Promise<Caller> {
  const sts = await import("@aws-sdk/client-sts");
  const client = new sts.STSClient(clientConfig);
  try {
    const out = await client.send(new sts.GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn) {
      throw new OrganizationError(
        `cannot identify the credentials running the audit: ${notAwsAnswer("sts:GetCallerIdentity", "HTTP 200 without an Account and Arn")}`,
      );
    }
    return { account: out.Account, arn: out.Arn, partition: out.Arn.split(":")[1] ?? "aws" };
  } catch (e) {
    if (e instanceof OrganizationError) throw e;
    throw new OrganizationError(
      `cannot identify the credentials running the audit: ${describeAwsFailure("sts:GetCallerIdentity", e)}`,
    );
  } finally {
    client.destroy();
  }
}

type Page = {
  readonly Accounts?: { Id?: string; Name?: string; State?: string; Status?: string }[];
  readonly NextToken?: string;
};

async function page(client: OrganizationsClient, token: string | undefined): Promise<Page> {
  const sdk = await import("@aws-sdk/client-organizations");
  const permission = "organizations:ListAccounts";
  let out: Page;
  try {
    out = await client.send(new sdk.ListAccountsCommand({ NextToken: token, MaxResults: 20 }));
  } catch (e) {
    throw new OrganizationError(
      `cannot list the organization's accounts: ${describeAwsFailure(permission, e)}`,
    );
  }
  // An empty organization would audit nothing and pass: an answer without the list is not AWS's.
  if (!Array.isArray(out.Accounts)) {
    throw new OrganizationError(
      `cannot list the organization's accounts: ${notAwsAnswer(permission, "HTTP 200 without Accounts")}`,
    );
  }
  return out;
}

/**
 * Every ACTIVE account (State, or the older Status), in listing order. Throws OrganizationError
 * when a page cannot be read.
 */
export async function* activeAccounts(
  clientConfig: Readonly<Record<string, unknown>>,
): AsyncGenerator<OrganizationAccount> {
  const sdk = await import("@aws-sdk/client-organizations");
  const client = new sdk.OrganizationsClient(clientConfig);
  try {
    let next: Promise<Page> | undefined = page(client, undefined);
    while (next) {
      const current: Page = await next;
      next = current.NextToken ? page(client, current.NextToken) : undefined;
      // Read ahead; a failure is still thrown when this page is awaited.
      next?.catch(() => undefined);
      for (const a of current.Accounts ?? []) {
        if (a.Id && (a.State ?? a.Status) === "ACTIVE") yield { id: a.Id, name: a.Name };
      }
    }
  } finally {
    client.destroy();
  }
}
