import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/dashboard";
import { ActivityList } from "../components/activity-list";
import { TableScroll } from "../components/table-scroll";
import { CommitmentBar } from "../components/commitment-bar";
import { DashboardDormant, DashboardExpiring } from "../components/dashboard-agreement-lists";
import { DashboardFollowUps } from "../components/dashboard-follow-ups";
import { DashboardOverdue } from "../components/dashboard-overdue";
import { DashboardSection } from "../components/dashboard-section";
import { DashboardVisits } from "../components/dashboard-visits";
import { PlanProgress } from "../components/plan-progress";
import { QuarterChart } from "../components/quarter-chart";
import { AgreementStatusBadge } from "../components/agreement-status";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useFormatter } from "../lib/use-formatter";
import { httpCache, requestDataVersion } from "../lib/http-cache.server";
import { getDashboardSnapshot, snapshotMaxAgeMs } from "../models/dashboard-snapshot.server";
import "../styles/dashboard.css";
import { dashboardPage } from "../i18n/packs";
import { ListText } from "../components/shown-text";

// Viewed again and again between changes: a repeat view is answered 304 (lib/http-cache.server.ts).
// "The next 30 days" moves with the clock, so the tag does too, as the snapshot does.
export const middleware: Route.MiddlewareFunction[] = [httpCache({ periodMs: snapshotMaxAgeMs })];

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const dashboard = await getDashboardSnapshot(
    db,
    new Date(),
    viewerTimeZone(request, user),
    requestDataVersion(context),
  );
  return { name: user.name, ...dashboard, title: getI18n(context).t("dashboard.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const { name, today, plans, agreements, upcoming, overdue, expiring, expiringUntil, dormant, quarters } = loaderData;
  const { visits, followUps } = loaderData;

  const quarterLabel = (q: { quarter: number; year: number }) => t("dashboard.quarterLabel", q);
  const range = { from: quarterLabel(quarters[0]!), to: quarterLabel(quarters.at(-1)!) };
  const chartTotal = quarters.reduce((n, q) => n + q.total, 0);
  const busiest = quarters.reduce((a, b) => (b.total > a.total ? b : a), quarters[0]!);
  const chartTitle = t("dashboard.chartTitle", range);
  const upcomingLink = `/activities?${new URLSearchParams({ from: upcoming.from, to: upcoming.to, sort: "startsAt", dir: "asc" })}`;

  return (
    <div className="page dashboard">
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.welcome", { name })}</p>
      <p className="meta">{t("dashboard.asOf", { date: format.day(today) })}</p>
      <div className="grid">
        <DashboardSection id="plan" title={t("dashboard.planTitle")} intro={t("dashboard.planIntro")} wide>
          {plans.length ? (
            plans.map((plan) => <PlanProgress key={plan.id} plan={plan} />)
          ) : (
            <p className="muted">{t("dashboard.noPlan")}</p>
          )}
        </DashboardSection>

        <DashboardSection id="commitments" title={t("dashboard.commitmentsByStatus")} wide>
          {agreements.length ? (
            <TableScroll labelledBy="commitments-title">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("dashboard.agreement")}</th>
                    <th scope="col">{t("dashboard.status")}</th>
                    <th scope="col">{t("dashboard.commitments")}</th>
                  </tr>
                </thead>
                <tbody>
                  {agreements.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/agreements/${a.id}`}>
                          <ListText text={a.title} />
                        </Link>
                        <span className="meta">{t(`agreementKind.${a.kind}`)}</span>
                      </th>
                      <td>
                        <AgreementStatusBadge state={a.state} renewedBy={a.renewedBy} />
                      </td>
                      <td>
                        {Object.values(a.commitments).some(Boolean) ? (
                          <CommitmentBar counts={a.commitments} />
                        ) : (
                          <span className="muted">{t("dashboard.noCommitments")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="muted">{t("dashboard.noAgreements")}</p>
          )}
        </DashboardSection>

        <DashboardSection
          id="upcoming"
          title={t("dashboard.upcomingTitle")}
          intro={t("dashboard.upcomingRange", { from: format.day(upcoming.from), to: format.day(upcoming.to) })}
        >
          <ActivityList items={upcoming.items} empty={t("dashboard.noUpcoming")} />
          {upcoming.total > upcoming.items.length ? (
            <p>
              {t("dashboard.showingFirst", {
                shown: format.number(upcoming.items.length),
                total: format.number(upcoming.total),
              })}{" "}
              <Link to={upcomingLink}>{t("dashboard.allUpcoming")}</Link>
            </p>
          ) : null}
        </DashboardSection>

        <DashboardSection
          id="visits"
          title={t("dashboard.visitsTitle")}
          intro={t("dashboard.visitsIntro", { from: format.day(visits.from), to: format.day(visits.to) })}
          wide
        >
          <DashboardVisits items={visits.items} total={visits.total} />
        </DashboardSection>

        <DashboardSection
          id="follow-ups"
          title={t("dashboard.followUpsTitle")}
          intro={t("dashboard.followUpsIntro", { date: format.day(today) })}
        >
          <DashboardFollowUps summary={followUps} />
        </DashboardSection>

        <DashboardSection id="overdue" title={t("dashboard.overdueTitle")} intro={t("dashboard.overdueIntro")}>
          <DashboardOverdue items={overdue.items} total={overdue.total} />
        </DashboardSection>

        <DashboardSection
          id="expiring"
          title={t("dashboard.expiringTitle")}
          intro={t("dashboard.expiringIntro", { date: format.day(expiringUntil) })}
        >
          <DashboardExpiring items={expiring} />
        </DashboardSection>

        <DashboardSection id="dormant" title={t("dashboard.dormantTitle")} intro={t("dashboard.dormantIntro")}>
          <DashboardDormant items={dormant} />
        </DashboardSection>

        <DashboardSection id="quarters" title={chartTitle} intro={t("dashboard.chartIntro")} wide>
          {chartTotal ? (
            <QuarterChart
              id="quarter-chart"
              buckets={quarters}
              title={chartTitle}
              description={t("dashboard.chartDescription", {
                ...range,
                total: format.number(chartTotal),
                max: format.number(busiest.total),
                busiest: quarterLabel(busiest),
              })}
            />
          ) : (
            <p className="muted">{t("dashboard.noChart")}</p>
          )}
        </DashboardSection>
      </div>
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = dashboardPage;
