import { describe, expect, it } from "vitest";
import { viewerTimeZone } from "../../app/lib/time-zone.server";

const withCookie = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });

describe("the viewer's time zone", () => {
  it("comes from the tz cookie the browser's script sets", () => {
    expect(viewerTimeZone(withCookie("tz=Asia%2FBaku"), null)).toBe("Asia/Baku");
  });

  it("ignores a malformed or made-up cookie", () => {
    for (const cookie of ["tz=%", "tz=%E0%A4%A", "tz=%00", "tz=Mars%2FOlympus", `tz=${"x".repeat(500)}`]) {
      expect(viewerTimeZone(withCookie(cookie), null), cookie).toBe("Asia/Jakarta");
    }
  });
});
