/**
 * `pgpKey` in the form the aws provider's UserLoginProfile takes: "either a base-64 encoded PGP
 * public key, or a keybase username in the form `keybase:username`". Checked before anything is
 * registered, so `pulumi up` cannot fail half-way, after the group and users exist, on a key AWS
 * rejects. An ASCII-armored key is not accepted by the provider (it base64-decodes the value), so
 * it is refused with the command that gives the accepted form.
 * @see https://www.pulumi.com/registry/packages/aws/api-docs/iam/userloginprofile/
 */

/** Keybase usernames: 2 to 16 letters, digits and underscores. */
const keybaseUser = /^[A-Za-z0-9_]{2,16}$/;
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** OpenPGP packet tag of the first packet (RFC 9580 4.2): old or new format header. */
function firstPacketTag(bytes: Buffer): number | undefined {
  const b = bytes[0];
  if (b === undefined || (b & 0x80) === 0) return undefined;
  return b & 0x40 ? b & 0x3f : (b >> 2) & 0x0f;
}

const publicKeyTag = 6;
const secretKeyTag = 5;

/** What is wrong with `text` as a pgpKey, or undefined when it has the accepted form. */
export function pgpKeyProblem(text: string): string | undefined {
  const form =
    "keybase:<username> (2 to 16 letters, digits, _) or a base64-encoded OpenPGP public key (gpg --export <key-id> | base64 -w0)";
  if (text.startsWith("keybase:")) {
    return keybaseUser.test(text.slice("keybase:".length)) ? undefined : form;
  }
  if (text.includes("-----BEGIN PGP")) {
    return `${form}, not an ASCII-armored block, which AWS does not accept`;
  }
  const compact = text.replace(/\s+/g, "");
  if (compact.length < 16 || compact.length % 4 !== 0 || !base64.test(compact)) return form;
  const tag = firstPacketTag(Buffer.from(compact, "base64"));
  if (tag === secretKeyTag) return `${form}; this is a SECRET key: remove it from the config and rotate it`;
  return tag === publicKeyTag ? undefined : `${form}; this base64 does not decode to an OpenPGP public key`;
}
