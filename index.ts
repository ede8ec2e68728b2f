/**
 * The aws-account-baseline program: the stack config (see Pulumi.example.yaml), validated in
 * full before anything is registered, becomes one AccountBaseline.
 */
import { AccountBaseline } from "./components";
import { readProgramConfig, stackOutputs } from "./components/config";

const baseline = new AccountBaseline("baseline", readProgramConfig());

export = stackOutputs(baseline);
