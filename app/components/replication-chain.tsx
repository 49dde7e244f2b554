import { Link } from "react-router";
import type { Language } from "../i18n/config";
import { useTranslation } from "../i18n/translation";
import { shownText } from "../lib/case-text";
import { localized, type LocalizedText } from "../lib/localized";
import { timelineOf, type ReplicationChain as Chain, type ReplicationMap, type TimelineStep } from "../lib/replication";
import { useLanguage } from "../lib/use-formatter";
import { ShownInline } from "./shown-text";
import { SourceLink } from "./source-link";
import "../styles/replication.css";

/** Where a step happened: the link's place and country, else the case's. */
const placeOf = (step: TimelineStep): [LocalizedText | null, LocalizedText | null] => [
  step.arrival?.place ?? step.case.place,
  step.arrival?.countryName ?? step.case.countryName,
];

/** Where a step happened, as people write it: "Banyuwangi, East Java, Indonesia". */
function stepPlace(step: TimelineStep, lang: Language) {
  return placeOf(step)
    .map((text) => localized(text, lang))
    .filter(Boolean)
    .join(", ");
}

/** A record's own text in the reader's language, marked where it has none in it. */
function Text({ text, lang }: { text: LocalizedText | null; lang: Language }) {
  return <ShownInline shown={shownText(text, lang)} />;
}

const stepYear = (step: TimelineStep) => step.arrival?.year ?? step.case.startedYear ?? null;

/**
 * Where a case's idea came from and where it went: a timeline (origins, this case, adaptations, each
 * with place, year, status and source) and a map the server drew. The timeline is the map's textual
 * equivalent; the map's numbers are the timeline's.
 */
export function ReplicationChain({ chain, map }: { chain: Chain; map: ReplicationMap | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const steps = timelineOf(chain);
  const number = new Map(steps.map((s, i) => [s.case.caseId, i + 1]));
  const places = steps
    .map((s, i) => {
      const year = stepYear(s);
      return `${i + 1}. ${localized(s.case.title, lang)}, ${stepPlace(s, lang)}${year ? ` (${year})` : ""}`;
    })
    .join("; ");
  return (
    <section className="replication" aria-labelledby="replication-title">
      <h2 id="replication-title">{t("replication.title")}</h2>
      <p>{t("replication.intro")}</p>
      {map ? (
        <figure className="replication__map">
          <svg
            viewBox={`0 0 ${map.width} ${map.height}`}
            width="100%"
            role="img"
            aria-labelledby="replication-map-label"
            preserveAspectRatio="xMidYMid meet"
          >
            <title id="replication-map-label">{t("replication.mapLabel", { places })}</title>
            <defs>
              <marker
                id="replication-arrowhead"
                viewBox="0 0 10 10"
                refX="8"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0 0L10 5L0 10z" className="replication__arrowhead" />
              </marker>
            </defs>
            <rect width={map.width} height={map.height} className="replication__sea" />
            {map.countries.map((c) => (
              <path
                key={c.code}
                d={c.d}
                className={c.involved ? "replication__country replication__country--involved" : "replication__country"}
              />
            ))}
            {map.arrows.map((a) => (
              <path key={a.linkId} d={a.d} className="replication__arrow" markerEnd="url(#replication-arrowhead)" />
            ))}
            {map.points.map((p) => (
              <g
                key={p.caseId}
                className={p.self ? "replication__point replication__point--self" : "replication__point"}
              >
                <circle cx={p.x} cy={p.y} r={11} />
                <text x={p.x} y={p.y} dy="0.35em" textAnchor="middle">
                  {number.get(p.caseId)}
                </text>
              </g>
            ))}
          </svg>
        </figure>
      ) : null}
      <h3>{t("replication.timeline")}</h3>
      <ol className="replication__timeline">
        {steps.map((s, i) => {
          const year = stepYear(s);
          return (
            <li
              key={s.case.caseId}
              className={s.role === "self" ? "replication__step replication__step--self" : "replication__step"}
            >
              <span className="replication__number" aria-hidden="true">
                {i + 1}
              </span>
              <div>
                <p className="replication__when">
                  {year ? (
                    <>
                      <span className="replication__year">{year}</span>
                      {" · "}
                    </>
                  ) : null}
                  {t(`replication.${s.role === "self" ? "thisCase" : s.role}`)}
                </p>
                <p className="replication__case">
                  {s.role === "self" ? (
                    <strong>
                      <Text text={s.case.title} lang={lang} />
                    </strong>
                  ) : (
                    <Link to={`/library/${s.case.slug}`}>
                      <Text text={s.case.title} lang={lang} />
                    </Link>
                  )}
                </p>
                <p className="replication__place">
                  {placeOf(s)
                    .filter((text) => localized(text, lang))
                    .map((text, i) => (
                      <span key={i}>
                        {i ? ", " : null}
                        <Text text={text} lang={lang} />
                      </span>
                    ))}
                </p>
                {s.from && s.arrival ? (
                  <p>
                    {t("replication.adaptedFrom", { case: localized(s.from.title, lang) })}
                    {" · "}
                    {t(`caseLinkStatus.${s.arrival.status}`)}
                  </p>
                ) : null}
                {s.arrival?.note ? (
                  <p>
                    <Text text={s.arrival.note} lang={lang} />
                  </p>
                ) : null}
                {s.arrival?.source ? (
                  <p className="replication__source">
                    <SourceLink source={s.arrival.source} />
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
