/**
 * Property values as the engine writes them on the wire to an analyzer: secrets wrapped in the
 * special-signature object, and the sentinel strings that stand for values unknown during preview.
 * @see ../../shared/reference/analyzer-protocol.md
 */

/** `"4dabf18193072939515e22adb298388d"`: the key that marks a special value. */
export const specialSigKey = "4dabf18193072939515e22adb298388d";
/** The signature of a secret. */
export const secretSig = "1b47061264138c4ac30d75fd1eb44270";

/** A secret property value as the engine sends it; Analyze unwraps it before policies see it. */
export function secret<T>(value: T): { [specialSigKey]: string; value: T } {
  return { [specialSigKey]: secretSig, value };
}

/** Unknown-during-preview sentinels, by the type the value will have. */
export const unknown = {
  bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;
