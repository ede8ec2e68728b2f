/**
 * PGP key values for the pgpKey validation tests: a real OpenPGP public key (an ed25519 test key
 * generated with `gpg --quick-gen-key` for these tests, exported with `gpg --export | base64 -w0`),
 * and headers of other packets.
 */
export const PUBLIC_KEY_BASE64 =
  "mDMEaw9AYhYJKwYBBAHaRw8BAQdAGxpnm52EiPJ+6Eg66U4SzB8onejwQrUgsV6jyWuNIy20HkFsaWNlIFRlc3QgPGFsaWNlQGV4YW1wbGUuY29tPoiQBBMWCAA4FiEEnQ448NQ+sovMSgwwHpi58d+0zqcFAmsPQGICGwEFCwkIBwIGFQoJCAsCBBYCAwECHgECF4AACgkQHpi58d+0zqdxUwD+OW6OLmdmz8IEmSbGItFNP4J2/uyJwjaDQfaxXVN6pMYA/AiLN5DB4EPEPnJEeqR1PIN91Elv6UNqhN3D/BJ2CJgK";

/** A secret-key packet header (tag 5) followed by filler: what `gpg --export-secret-keys` starts with. */
export const SECRET_KEY_BASE64 = Buffer.concat([
  Buffer.from([0x94, 0x58, 0x04]),
  Buffer.alloc(21, 7),
]).toString("base64");

/** A literal-data packet (tag 11): valid OpenPGP, not a key. */
export const LITERAL_DATA_BASE64 = Buffer.concat([Buffer.from([0xcb, 0x10]), Buffer.alloc(22, 1)]).toString(
  "base64",
);

export const ARMORED =
  "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" +
  "mDMEaw9AYhYJKwYBBAHaRw8BAQdA\n-----END PGP PUBLIC KEY BLOCK-----";
