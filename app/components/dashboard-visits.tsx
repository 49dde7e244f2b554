import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { LocalizedText } from "../lib/localized";
import { sourcedDate, type SourcedDate } from "../lib/sourced-date";
import { useFormatter } from "../lib/use-formatter";
import "../styles/dashboard-visits.css";
import { ExampleBadge } from "./example-badge";
import { TableScroll } from "./table-scroll";
import { ListText } from "./shown-text";

interface UpcomingVisit extends SourcedDate {
  id: number;
  title: LocalizedText;
  city: string | null;
  direction: "incoming" | "outgoing";
  delegationComplete: boolean;
  itineraryComplete: boolean;
  briefingReady: boolean;
  example?: boolean;
}

/** A state in words (never colour alone): done, or what is still missing. */
function State({ done, yes, no }: { done: boolean; yes: string; no: string }) {
  return done ? <span className="dashboard-done">✓ {yes}</span> : <span className="dashboard-late">{no}</span>;
}

/** The visits of the next 90 days, soonest first, each with its preparation state. */
export function DashboardVisits({ items, total }: { items: UpcomingVisit[]; total: number }) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (!items.length) return <p className="muted">{t("dashboard.noVisits")}</p>;
  return (
    <>
      <TableScroll labelledBy="visits-title">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.visit")}</th>
              <th scope="col">{t("dashboard.visitStarts")}</th>
              <th scope="col">{t("dashboard.delegationState")}</th>
              <th scope="col">{t("dashboard.itineraryState")}</th>
              <th scope="col">{t("dashboard.briefingState")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <Link to={`/visits/${v.id}`}>
                    <ListText text={v.title} />
                  </Link>
                  <ExampleBadge example={v.example} />
                  <span className="meta">
                    {[t(`dashboard.visitDirection.${v.direction}`), v.city].filter(Boolean).join(" · ")}
                  </span>
                </th>
                <td>{sourcedDate(format, t, v)}</td>
                <td>
                  <State
                    done={v.delegationComplete}
                    yes={t("dashboard.delegationComplete")}
                    no={t("dashboard.delegationIncomplete")}
                  />
                </td>
                <td>
                  <State
                    done={v.itineraryComplete}
                    yes={t("dashboard.itineraryComplete")}
                    no={t("dashboard.itineraryIncomplete")}
                  />
                </td>
                <td>
                  <State
                    done={v.briefingReady}
                    yes={t("dashboard.briefingReady")}
                    no={t("dashboard.briefingMissing")}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {total > items.length ? (
        <p>{t("dashboard.showingFirst", { shown: format.number(items.length), total: format.number(total) })}</p>
      ) : null}
    </>
  );
}
