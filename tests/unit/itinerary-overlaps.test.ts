import { describe, expect, it } from "vitest";
import { findOverlaps, type OverlapItem } from "../../app/models/itinerary-overlaps.server";

/** An item on 10 June 2025 from `from` to `to` (UTC hours), for everyone unless members are named. */
const item = (id: number, from: string, to: string, memberIds?: number[]): OverlapItem => ({
  id,
  startsAt: new Date(`2025-06-10T${from}:00Z`),
  endsAt: new Date(`2025-06-10T${to}:00Z`),
  allMembers: !memberIds,
  memberIds: memberIds ?? [],
});

const delegation = [7, 3, 5];

describe("overlapping itinerary items", () => {
  it("flags two items at once for a member who attends both, with the members in the delegation's order", () => {
    const overlaps = findOverlaps([item(2, "10:30", "12:00", [5, 3]), item(1, "09:00", "11:00")], delegation);
    expect(overlaps).toEqual([{ itemId: 1, otherId: 2, memberIds: [3, 5], everyone: false }]);
  });

  it("does not flag an item that starts as the one before ends, nor items for different members", () => {
    expect(findOverlaps([item(1, "09:00", "10:00"), item(2, "10:00", "11:00")], delegation)).toEqual([]);
    expect(findOverlaps([item(1, "09:00", "11:00", [7]), item(2, "10:00", "12:00", [3, 5])], delegation)).toEqual([]);
  });

  it("flags two whole-delegation items even before anyone is named", () => {
    expect(findOverlaps([item(1, "09:00", "11:00"), item(2, "10:00", "12:00")], [])).toEqual([
      { itemId: 1, otherId: 2, memberIds: [], everyone: true },
    ]);
  });

  it("finds each pair once, past an item that does not overlap in between", () => {
    const overlaps = findOverlaps(
      [item(1, "08:00", "18:00", [7]), item(2, "09:00", "09:30", [3]), item(3, "12:00", "13:00", [7, 3])],
      delegation,
    );
    expect(overlaps.map((o) => [o.itemId, o.otherId, o.memberIds])).toEqual([[1, 3, [7]]]);
  });
});
