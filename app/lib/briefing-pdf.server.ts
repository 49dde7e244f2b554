// A visit's briefing as a PDF: the same document as its page, in the reader's language, with the
// visit's name and dates at the head of every page and the page numbers at its foot.
import type { Language } from "../i18n/config";
import type { TFunction } from "../i18n/translator";
import { richTextBlocks } from "../lexical/blocks.server";
import type { Briefing } from "../models/briefing.server";
import { positionLine, travelLine } from "./briefing-text";
import { createFormatter } from "./format";
import { longDay } from "./itinerary-days";
import { localized } from "./localized";
import { pdfDocument, type PdfWriter } from "./pdf-document.server";
import { sourcedDate } from "./sourced-date";
import { visitDateRange } from "./visit-dates";

/** The stored Lexical states of the visit's rich texts (briefingRichText), drawn with their formatting. */
export interface BriefingStates {
  talkingPoints: unknown;
  background: unknown;
}

export async function briefingPdf(
  briefing: Briefing,
  lang: Language,
  t: TFunction,
  states?: BriefingStates,
): Promise<Buffer> {
  const { visit, member } = briefing;
  const title = localized(visit.title, lang);
  const place = createFormatter(lang, visit.timeZone);
  const dates = visitDateRange(visit, place.day, (start, end) => t("dates.range", { start, end }));
  const heading = t("briefing.heading", { title });
  const { write, finish } = pdfDocument({
    head: [title, dates, member ? t("briefing.forMember", { name: member.name }) : ""].filter(Boolean).join(" · "),
    pageLabel: (page, pages) => t("briefing.page", { page, pages }),
    title: heading,
    lang,
  });

  write.h1(heading);
  if (member) write.text(t("briefing.forMember", { name: member.name }), { bold: true });
  write.fact(t("briefing.dates"), dates);
  write.fact(t("briefing.direction"), t(`briefing.directions.${visit.direction}`));
  write.fact(t("briefing.cities"), visit.cities.join(", "));
  write.fact(t("briefing.host"), localized(visit.hostName, lang));

  write.h2(t("briefing.objectives"));
  write.text(localized(visit.objectives, lang) || t("briefing.nothingWritten"));

  people(write, briefing, lang, t, place);
  programme(write, briefing, lang, t);

  const richText = (heading: string, state: unknown, text: string | null) => {
    write.h2(heading);
    // Without a readable state (none given, or one this editor no longer reads): the plain text.
    const blocks = state === undefined ? null : richTextBlocks(state);
    if (blocks?.length) write.richText(blocks);
    else write.text(text || t("briefing.nothingWritten"));
  };
  richText(t("briefing.talkingPoints"), states?.talkingPoints, visit.talkingPointsText);
  richText(t("briefing.background"), states?.background, visit.backgroundText);

  history(write, briefing, lang, t, place);
  return finish();
}

function people(
  write: PdfWriter,
  { delegation, counterparts, member, visit }: Briefing,
  lang: Language,
  t: TFunction,
  place: ReturnType<typeof createFormatter>,
) {
  const zone = visit.timeZone;
  const roster = (heading: string, members: Briefing["delegation"]) => {
    write.h2(heading);
    if (!members.length) write.text(t("briefing.noMembers"));
    for (const m of members) {
      write.text(`${m.name} · ${t(`briefing.roles.${m.role}`)}`, { bold: true });
      const position = positionLine(m, lang);
      if (position) write.text(position, { indent: 12 });
    }
  };
  roster(t("briefing.delegation"), delegation);
  roster(t("briefing.counterparts"), counterparts);

  const travelling = member ? [member] : delegation.filter((m) => m.logistics);
  write.h2(t(member ? "briefing.yourLogistics" : "briefing.logistics"));
  for (const m of travelling) {
    const l = m.logistics;
    if (!l) continue;
    if (!member) write.h3(m.name);
    const arrival = travelLine(l.arrival, t, place, zone);
    const departure = travelLine(l.departure, t, place, zone);
    write.fact(t("briefing.arrival"), arrival || t("briefing.notGiven"));
    write.fact(t("briefing.departure"), departure || t("briefing.notGiven"));
    write.fact(t("briefing.hotel"), l.hotel || t("briefing.notGiven"));
  }

  const needing = (member ? [member] : delegation).filter((m) => m.needs);
  if (needing.length) {
    write.h2(t(member ? "briefing.yourNeeds" : "briefing.needs"));
    write.text(t("briefing.needsPrivate"), { muted: true });
    for (const m of needing) {
      if (!member) write.h3(m.name);
      write.fact(t("briefing.dietary"), m.needs!.dietary || t("briefing.noNeeds"));
      write.fact(t("briefing.access"), m.needs!.access || t("briefing.noNeeds"));
      write.fact(t("briefing.interpretation"), m.needs!.interpretation || t("briefing.noNeeds"));
    }
  }
}

function programme(write: PdfWriter, { items, member }: Briefing, lang: Language, t: TFunction) {
  write.h2(t(member ? "briefing.yourProgramme" : "briefing.programme"));
  if (!items.length) write.text(t("briefing.noItems"));
  let day = "";
  for (const item of items) {
    if (item.place.day !== day) {
      day = item.place.day;
      write.h3(longDay(lang, day));
    }
    // The place's clock first, the other side's beside it: "09:00–11:00 (Asia/Baku) · 12:00–14:00 (Asia/Jakarta)".
    const time = [item.place, item.other]
      .flatMap((span) => {
        if (!span) return [];
        const end = span.endDay ? `${longDay(lang, span.endDay)} ${span.end}` : span.end;
        return [`${t("briefing.timeRange", { start: span.start, end })} (${span.timeZone})`];
      })
      .join(" · ");
    const title = localized(item.title, lang);
    const host = item.host
      ? localized(item.host.name, lang) + (item.host.acronym ? ` (${item.host.acronym})` : "")
      : "";
    const facts: [string, string][] = [
      [t("briefing.place"), [item.placeName, item.address].filter(Boolean).join(", ")],
      [t("briefing.host"), host],
      [t("briefing.agenda"), localized(item.agenda, lang)],
      [
        t("briefing.attendees"),
        item.allMembers ? t("briefing.everyone") : item.attendees.map((a) => a.name).join(", "),
      ],
      [t("briefing.transport"), item.transport ?? ""],
      [t("briefing.itemCases"), item.cases.map((c) => localized(c.title, lang)).join("; ")],
      [t("documents.title"), item.documents.map((d) => d.fileName).join("; ")],
    ];
    const shown = facts.filter(([, value]) => value);
    write.keepTogether([time, title, ...shown.map(([label, value]) => `${label}: ${value}`)]);
    write.text(time, { muted: true });
    write.text(title, { bold: true });
    for (const [label, value] of shown) write.fact(label, value, 12);
    write.gap(0.4);
  }
}

function history(
  write: PdfWriter,
  briefing: Briefing,
  lang: Language,
  t: TFunction,
  format: ReturnType<typeof createFormatter>,
) {
  write.h2(t("briefing.commitments"));
  if (!briefing.commitments.length) write.text(t("briefing.noCommitments"));
  for (const c of briefing.commitments) {
    write.text(localized(c.text, lang));
    write.text(
      [
        localized(c.agreementTitle, lang),
        t(`commitmentStatus.${c.status}`),
        c.dueOn ? `${t("briefing.due")} ${format.day(c.dueOn)}` : "",
      ]
        .filter(Boolean)
        .join(" · "),
      { muted: true, indent: 12 },
    );
  }
  write.h2(t("briefing.cases"));
  if (!briefing.cases.length) write.text(t("briefing.noCases"));
  for (const c of briefing.cases) write.text(`• ${localized(c.title, lang)}`);

  write.h2(t("briefing.earlierVisits"));
  if (!briefing.earlierVisits.length) write.text(t("briefing.noEarlierVisits"));
  for (const v of briefing.earlierVisits) {
    // The day, or the month or year the sources give, as the page shows it.
    write.h3(`${localized(v.title, lang)} (${sourcedDate(format, t, { ...v, allDay: true })})`);
    write.text(v.lessonsText || t("briefing.noLessons"));
  }

  write.h2(t("briefing.followUps"));
  if (!briefing.followUps.length) write.text(t("briefing.noFollowUps"));
  for (const f of briefing.followUps) {
    write.text(localized(f.title, lang), { bold: true });
    write.text(
      [f.ownerName, `${t("briefing.due")} ${format.day(f.dueOn)}`, localized(f.visitTitle, lang)].join(" · "),
      {
        muted: true,
        indent: 12,
      },
    );
  }
}
