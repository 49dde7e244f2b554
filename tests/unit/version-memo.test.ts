import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { memoUnderVersion } from "../../app/models/version-memo.server";

/** Like a drizzle query: it runs each time something awaits it. */
function query(value: string, runs: { count: number }): PromiseLike<string> {
  return {
    then(resolve, reject) {
      runs.count++;
      return Promise.resolve(value).then(resolve, reject);
    },
  };
}

describe("a list kept under the data version", () => {
  const db = {} as Database;
  const other = {} as Database;
  const v1 = { auditId: 7, auditRecent: 7 };

  it("runs its query once while the version holds, and again when it moves", async () => {
    const runs = { count: 0 };
    expect(await memoUnderVersion(db, "list", v1, () => query("first", runs))).toBe("first");
    expect(await memoUnderVersion(db, "list", v1, () => query("second", runs))).toBe("first");
    expect(runs.count).toBe(1);
    expect(await memoUnderVersion(db, "list", { auditId: 8, auditRecent: 8 }, () => query("third", runs))).toBe(
      "third",
    );
    expect(runs.count).toBe(2);
  });

  it("keeps each database's list apart, and keeps nothing without a version", async () => {
    const runs = { count: 0 };
    await memoUnderVersion(db, "apart", v1, () => query("one", runs));
    expect(await memoUnderVersion(other, "apart", v1, () => query("two", runs))).toBe("two");
    await memoUnderVersion(db, "none", undefined, () => query("x", runs));
    await memoUnderVersion(db, "none", undefined, () => query("x", runs));
    expect(runs.count).toBe(4);
  });

  it("forgets a read that failed", async () => {
    const failing = () => Promise.reject(new Error("gone"));
    await expect(memoUnderVersion(db, "fails", v1, failing)).rejects.toThrow("gone");
    expect(await memoUnderVersion(db, "fails", v1, () => Promise.resolve("back"))).toBe("back");
  });
});
