// Loaded before every test file (see .mocharc.js). Nothing under test may reach off this machine:
// the AWS SDK's default chain would try the instance-metadata address and public AWS hosts, so
// every test runs with fake static credentials, metadata disabled, no shared AWS config, and a
// loopback endpoint that refuses connections unless a test starts its own server and points at it
// (tools/safeEnv.ts says what is scrubbed and why).
import { applySafeEnv } from "../../tools/safeEnv";

applySafeEnv();
