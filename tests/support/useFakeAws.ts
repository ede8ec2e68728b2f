import { FakeAws } from "./fakeAws";

/**
 * One fakeAws for the enclosing `describe`: started before its tests, stopped after them. Call
 * the returned function inside a test (or hook) to get it.
 */
export function useFakeAws(): () => FakeAws {
  let fake: FakeAws | undefined;
  before(async () => {
    fake = await FakeAws.start();
  });
  after(async () => {
    await fake?.stop();
  });
  return () => {
    if (!fake) throw new Error("useFakeAws: the fake is used outside a test");
    return fake;
  };
}
