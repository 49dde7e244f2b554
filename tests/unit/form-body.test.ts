import { describe, expect, it } from "vitest";
import { formBodyProblem } from "../../app/lib/form-body.server";

const post = (body: BodyInit, type?: string) =>
  new Request("http://localhost/login", { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

describe("a posted body a route cannot read", () => {
  it("is no problem when it is a form", async () => {
    expect(await formBodyProblem(post(new URLSearchParams({ email: "a@b.org" })))).toBeNull();
    const multipart = new FormData();
    multipart.append("email", "a@b.org");
    expect(await formBodyProblem(post(multipart))).toBeNull();
  });

  it("is a 400 when multipart does not parse", async () => {
    for (const [body, type] of [
      ["--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb", "multipart/form-data; boundary=x"],
      ["garbage", "multipart/form-data; boundary=x"],
      ["a=b", "multipart/form-data"],
    ]) {
      expect(await formBodyProblem(post(body!, type)), body).toEqual({ status: 400, key: "request.malformed" });
    }
  });

  it("is a 415 when it is no form at all", async () => {
    expect(await formBodyProblem(post("{}", "application/json"))).toEqual({
      status: 415,
      key: "request.unsupportedType",
    });
    expect(await formBodyProblem(post("a=b", "text/plain"))).toEqual({ status: 415, key: "request.unsupportedType" });
  });

  it("is a 400 when a field repeats more than 200 times, or a file comes", async () => {
    const repeated = new URLSearchParams();
    for (let i = 0; i < 200; i++) repeated.append("commitmentIds", String(i));
    expect(await formBodyProblem(post(repeated))).toBeNull();
    repeated.append("commitmentIds", "x");
    expect(await formBodyProblem(post(repeated))).toEqual({
      status: 400,
      key: "request.tooManyValues",
      values: { name: "commitmentIds", max: 200 },
    });
    const upload = new FormData();
    upload.append("file", new Blob(["x"]), "x.txt");
    expect(await formBodyProblem(post(upload))).toEqual({ status: 400, key: "request.noFiles" });
  });
});
