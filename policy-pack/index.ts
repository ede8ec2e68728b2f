// The pack's entry point: the only file that starts a PolicyPack (it opens the analyzer's
// gRPC port). Policies live in side-effect-free modules so tests and the audit can import them.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("aws-account-baseline", { policies });
