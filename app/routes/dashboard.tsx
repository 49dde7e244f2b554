import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/dashboard";
import { ActivityList } from "../components/activity-list";
import { CommitmentBar } from "../components/commitment-bar";
import { StatusBadge } from "../components/status-badge";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useLanguage } from "../lib/use-formatter";
import { getDashboard } from "../models/dashboard.server";

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  return { name: user.name, ...(await getDashboard(db)), title: getI18n(context).t("dashboard.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { agreements, upcoming, recent, name } = loaderData;
  return (
    <div className="page">
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.welcome", { name })}</p>
      <div className="grid">
        <section className="card card--wide" aria-labelledby="agreements-title">
          <h2 id="agreements-title">{t("dashboard.commitmentsByStatus")}</h2>
          <p className="muted">{t("dashboard.agreementsCount", { count: agreements.length })}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.agreements")}</th>
                <th scope="col">{t("agreements.status")}</th>
                <th scope="col">{t("agreements.commitments")}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/agreements/${a.id}`}>{localized(a.title, lang)}</Link>
                  </th>
                  <td>
                    <StatusBadge group="agreementStatus" value={a.status} />
                  </td>
                  <td>
                    <CommitmentBar counts={a.commitments} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t("dashboard.upcoming")}</h2>
          <ActivityList items={upcoming} empty={t("dashboard.noUpcoming")} />
        </section>
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t("dashboard.recent")}</h2>
          <ActivityList items={recent} empty={t("activities.none")} />
        </section>
      </div>
    </div>
  );
}
