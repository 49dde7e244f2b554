import { useMemo } from "react";
import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import { DocumentLink } from "./attachments";
import { Attachments } from "./record-attachments";
import type { Language } from "../i18n/config";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { Itinerary, ItineraryEntry, ZonedSpan } from "../models/itinerary-queries.server";
import "../styles/itinerary.css";
import { dateFormat, type DateFormat } from "../lib/date-format";

/** A zone's place as people say it: "Asia/Baku" → "Baku", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export const zoneCity = (timeZone: string) => (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");

const dayFormats = new Map<Language, DateFormat>();
/** "Tuesday, 10 June 2025" for a calendar date, in the reader's language. */
function longDay(lang: Language, date: string) {
  let format = dayFormats.get(lang);
  if (!format) {
    format = dateFormat(lang, { dateStyle: "full", timeZone: "UTC" });
    dayFormats.set(lang, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** "Baku 10:00–11:30", with the day where it is not the item's own. */
function Clock({ span, day, lang, strong }: { span: ZonedSpan; day: string; lang: Language; strong?: boolean }) {
  const other = span.day !== day ? ` (${shortDay(lang, span.day)})` : "";
  const end = span.endDay ? `${span.end} (${shortDay(lang, span.endDay)})` : span.end;
  const text = `${zoneCity(span.timeZone)} ${span.start}–${end}${other}`;
  return strong ? <strong>{text}</strong> : <span>{text}</span>;
}

const shortFormats = new Map<Language, DateFormat>();
function shortDay(lang: Language, date: string) {
  let format = shortFormats.get(lang);
  if (!format) {
    format = dateFormat(lang, {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    shortFormats.set(lang, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/**
 * A visit's itinerary day by day, each item at its place's clock with the other side's time beside
 * it ("Baku 10:00–11:00 · Jakarta 13:00–14:00"), the place, host, who attends, how they get there,
 * the agenda, the library cases it concerns and its documents. An item that overlaps another for the same members
 * says so in words, beside a marked badge. Embeddable: give it `itineraryOf`'s result. Needs the
 * visits pack's strings.
 */
export function ItineraryDays({
  itinerary,
  headingLevel = 2,
  canAttach = false,
}: {
  itinerary: Itinerary;
  headingLevel?: 2 | 3 | 4;
  /** An editor's itinerary page: each item's documents with the forms to attach and remove. */
  canAttach?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const days = useMemo(() => {
    const byDay: { date: string; items: ItineraryEntry[] }[] = [];
    for (const item of itinerary.items) {
      const last = byDay.at(-1);
      if (last?.date === item.place.day) last.items.push(item);
      else byDay.push({ date: item.place.day, items: [item] });
    }
    return byDay;
  }, [itinerary.items]);
  const byId = useMemo(() => new Map(itinerary.items.map((item) => [item.id, item])), [itinerary.items]);
  if (!itinerary.items.length) return <p className="muted">{t("itinerary.none")}</p>;
  const Heading = `h${headingLevel}` as const;
  const ItemHeading = `h${headingLevel + 1}` as "h3" | "h4" | "h5";

  const overlapText = (item: ItineraryEntry) =>
    item.overlaps.map((o) => {
      const other = byId.get(o.itemId);
      const items = `“${localized(o.title, lang)}”${other ? ` (${other.place.start}–${other.place.end})` : ""}`;
      return o.everyone || !o.members.length
        ? t("itinerary.show.overlapEveryone", { items })
        : t("itinerary.show.overlapWith", { items, members: o.members.join(", ") });
    });

  return (
    <div className="itinerary">
      {days.map((day) => (
        <section key={day.date} className="itinerary__day" aria-labelledby={`itinerary-day-${day.date}`}>
          <Heading id={`itinerary-day-${day.date}`}>{longDay(lang, day.date)}</Heading>
          <ol className="plain itinerary__items">
            {day.items.map((item) => {
              const agenda = localized(item.agenda, lang);
              const place = [item.placeName, item.address].filter(Boolean).join(", ");
              return (
                <li key={item.id} id={`itinerary-item-${item.id}`} className="itinerary__item">
                  <p className="itinerary__time">
                    <time dateTime={item.startsAt}>
                      <Clock span={item.place} day={day.date} lang={lang} strong />
                    </time>
                    {item.other ? (
                      <>
                        {" · "}
                        <Clock span={item.other} day={day.date} lang={lang} />
                      </>
                    ) : null}
                  </p>
                  <ItemHeading className="itinerary__title">{localized(item.title, lang)}</ItemHeading>
                  {item.overlaps.length ? (
                    <div className="itinerary__overlap" role="note">
                      <strong className="badge itinerary__overlap-badge">
                        <span aria-hidden="true">⚠ </span>
                        {t("itinerary.show.overlap")}
                      </strong>
                      {overlapText(item).map((text) => (
                        <p key={text}>{text}</p>
                      ))}
                    </div>
                  ) : null}
                  <dl className="itinerary__facts">
                    {place ? (
                      <div>
                        <dt>{t("itinerary.show.place")}</dt>
                        <dd>{place}</dd>
                      </div>
                    ) : null}
                    {item.host ? (
                      <div>
                        <dt>{t("itinerary.show.host")}</dt>
                        <dd>
                          {localized(item.host.name, lang)}
                          {item.host.acronym ? ` (${item.host.acronym})` : ""}
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t("itinerary.show.attendees")}</dt>
                      <dd>
                        {item.allMembers ? t("itinerary.show.everyone") : item.attendees.map((a) => a.name).join(", ")}
                      </dd>
                    </div>
                    {item.transport ? (
                      <div>
                        <dt>{t("itinerary.show.transport")}</dt>
                        <dd>{item.transport}</dd>
                      </div>
                    ) : null}
                    {agenda ? (
                      <div>
                        <dt>{t("itinerary.show.agenda")}</dt>
                        <dd className="itinerary__agenda">{agenda}</dd>
                      </div>
                    ) : null}
                    {item.cases.length ? (
                      <div>
                        <dt>{t("itinerary.show.cases")}</dt>
                        <dd>
                          <ul className="plain">
                            {item.cases.map((c) => (
                              <li key={c.id}>
                                {c.slug ? (
                                  <Link to={`/library/${c.slug}`}>{localized(c.title, lang)}</Link>
                                ) : (
                                  localized(c.title, lang)
                                )}
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    ) : null}
                    {item.documents.length && !canAttach ? (
                      <div>
                        <dt>{t("documents.title")}</dt>
                        <dd>
                          <ul className="plain">
                            {item.documents.map((d) => (
                              <li key={d.id}>
                                <DocumentLink document={d} />
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  {canAttach ? (
                    <Attachments
                      subject={{ kind: "itinerary_item", id: item.id }}
                      documents={item.documents}
                      canEdit
                      headingLevel={(headingLevel + 2) as 4 | 5}
                      label={localized(item.title, lang)}
                      returnTo={`/visits/${itinerary.visitId}/itinerary#itinerary-item-${item.id}`}
                    />
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
