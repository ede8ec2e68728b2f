// Loaded before every test file (see .mocharc.js). Nothing under test may reach off this machine:
// the AWS SDK's default credential chain would try the instance-metadata address and public
// AWS hosts, so every test runs with fake static credentials, metadata disabled, and a loopback
// endpoint that refuses connections unless a test starts its own server and points at it.
process.env.AWS_EC2_METADATA_DISABLED = "true";
process.env.AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
process.env.AWS_REGION = "us-east-1";
// The SDK prints a multi-line notice about Node 20 support on every client; it is not ours to act on here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:9";
delete process.env.AWS_PROFILE;
delete process.env.AWS_SESSION_TOKEN;
