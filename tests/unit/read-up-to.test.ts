import { describe, expect, it } from "vitest";
import { readUpTo } from "../../app/lib/read-up-to";

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe("reading a body up to a limit", () => {
  it("gives the whole body when it fits", async () => {
    const read = await readUpTo(streamOf("\uFEFFID,", "Title\r\n"), 100);
    expect(read.complete).toBe(true);
    if (read.complete)
      expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(read.bytes)).toBe("\uFEFFID,Title\r\n");
  });

  it("streams on everything, from the first byte, when it does not fit", async () => {
    const read = await readUpTo(streamOf("aaaa", "bbbb", "cccc", "dddd"), 6);
    expect(read.complete).toBe(false);
    if (!read.complete) expect(await new Response(read.rest).text()).toBe("aaaabbbbccccdddd");
  });
});
