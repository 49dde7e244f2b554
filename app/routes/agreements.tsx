import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { Route } from "./+types/agreements";
import { AgreementPeriod, AgreementStatusBadge } from "../components/agreement-status";
import { AgreementProgress } from "../components/agreement-progress";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { hasRole, requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { httpCache } from "../lib/http-cache.server";
import { listAgreements } from "../models/agreement-queries.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";
import { ExampleBadge } from "../components/example-badge";
import { ListText } from "../components/shown-text";

// Viewed again and again between changes: a repeat view is answered 304 (lib/http-cache.server.ts).
export const middleware: Route.MiddlewareFunction[] = [httpCache()];

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const today = calendarToday(viewerTimeZone(request, user));
  return {
    agreements: await listAgreements(db, today),
    canEdit: hasRole(user, "editor"),
    title: getI18n(context).t("agreements.title"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

export default function Agreements({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { agreements, canEdit } = loaderData;
  return (
    <div className="page">
      <div className="page-heading">
        <h1 id="agreements-title">{t("agreements.title")}</h1>
        {canEdit ? (
          <Link to="/agreements/new" className="button">
            {t("agreements.newAgreement")}
          </Link>
        ) : null}
      </div>
      {agreements.length ? (
        <TableScroll labelledBy="agreements-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("agreements.agreement")}</th>
                <th scope="col">{t("agreements.kind")}</th>
                <th scope="col">{t("agreements.period")}</th>
                <th scope="col">{t("agreements.status")}</th>
                <th scope="col">{t("agreements.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/agreements/${a.id}`}>
                      <ListText text={a.title} />
                    </Link>
                    <ExampleBadge example={a.example} />
                    {a.parentId && a.parentTitle ? (
                      <span className="meta">
                        {t(a.kind === "action_plan" ? "agreements.implements" : "agreements.parent")}:{" "}
                        <Link to={`/agreements/${a.parentId}`}>{localized(a.parentTitle, lang)}</Link>
                      </span>
                    ) : null}
                  </th>
                  <td>{t(`agreementKind.${a.kind}`)}</td>
                  <td>
                    <AgreementPeriod from={a.inForceFrom} until={a.inForceUntil} inferred={a.inForceUntilInferred} />
                  </td>
                  <td>
                    <AgreementStatusBadge state={a.state} renewedBy={a.renewedBy} />
                  </td>
                  <td>
                    <AgreementProgress counts={a.commitments} progress={a.progress} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("agreements.none")}</p>
      )}
    </div>
  );
}
