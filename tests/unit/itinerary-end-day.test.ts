// An itinerary item may end past midnight at its place: the form says so per row ("Ends on: the next
// day"), and a stored item that ends the next day comes back to the form that way.
import { describe, expect, it } from "vitest";
import { itineraryFormSchema } from "../../app/forms/itinerary";
import { itineraryFormValues, itineraryInput } from "../../app/forms/itinerary.server";

const row = (endDay: string, start = "22:30", end = "01:15") => ({
  version: "3",
  itemKey: ["n1"],
  itemDay: ["2031-06-10"],
  itemStart: [start],
  itemEnd: [end],
  itemEndDay: [endDay],
  itemZone: ["Asia/Baku"],
  itemTitleEn: ["Night flight to Jakarta"],
  itemTitleId: [""],
  itemAgendaEn: [""],
  itemAgendaId: [""],
  itemPlace: [""],
  itemAddress: [""],
  itemHost: [""],
  itemTransport: [""],
  itemAttendance: ["all"],
  itemMembers: [],
  itemCases: [],
});

describe("an itinerary item's end day", () => {
  it("ends the next day at the place's clock when the row says so", () => {
    const parsed = itineraryFormSchema.safeParse(row("next"));
    expect(parsed.success).toBe(true);
    const [item] = itineraryInput(parsed.data!).items;
    // Baku is UTC+4: 22:30 on the 10th to 01:15 on the 11th.
    expect(item!.startsAt.toISOString()).toBe("2031-06-10T18:30:00.000Z");
    expect(item!.endsAt.toISOString()).toBe("2031-06-10T21:15:00.000Z");
  });

  it("refuses an end before the start on the same day, and an end day it does not know", () => {
    const same = itineraryFormSchema.safeParse(row("same"));
    expect(same.error?.issues).toEqual([
      expect.objectContaining({ path: ["itemEnd", 0], message: "itinerary.endBeforeStart" }),
    ]);
    const odd = itineraryFormSchema.safeParse(row("week", "09:00", "10:00"));
    expect(odd.error?.issues).toEqual([
      expect.objectContaining({ path: ["itemEndDay", 0], message: "validation.invalidChoice" }),
    ]);
  });

  it("puts a stored item that ends the next day back in the form as ending the next day", () => {
    const values = itineraryFormValues({
      version: 3,
      items: [
        {
          id: 7,
          startsAt: "2031-06-10T18:30:00.000Z",
          endsAt: "2031-06-10T21:15:00.000Z",
          timeZone: "Asia/Baku",
          title: { en: "Night flight to Jakarta" },
          agenda: null,
          placeName: null,
          address: null,
          hostOrganizationId: null,
          transport: null,
          allMembers: true,
          memberIds: [],
          caseIds: [],
        } as never,
      ],
    });
    expect(values).toMatchObject({ itemDay: ["2031-06-10"], itemEnd: ["01:15"], itemEndDay: ["next"] });
  });
});
