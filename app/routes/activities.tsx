import { useTranslation } from "react-i18next";
import type { Route } from "./+types/activities";
import { ActivityList } from "../components/activity-list";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { titled } from "../lib/meta";
import { listActivities } from "../models/activity.server";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "viewer");
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  return { ...(await listActivities(db, page)), title: getI18n(context).t("activities.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Activities({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("activities.title")}</h1>
      <ActivityList items={loaderData.rows} empty={t("activities.none")} />
    </div>
  );
}
