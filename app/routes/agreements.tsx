import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/agreements";
import { CommitmentBar } from "../components/commitment-bar";
import { StatusBadge } from "../components/status-badge";
import { db } from "../db.server";
import { getI18n } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { listAgreements } from "../models/agreement.server";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "viewer");
  return { agreements: await listAgreements(db), title: getI18n(context).t("agreements.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Agreements({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  if (!loaderData.agreements.length) return <div className="page"><h1>{t("agreements.title")}</h1><p>{t("agreements.none")}</p></div>;
  return (
    <div className="page">
      <h1>{t("agreements.title")}</h1>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("agreements.title")}</th>
            <th scope="col">{t("agreements.kind")}</th>
            <th scope="col">{t("agreements.period")}</th>
            <th scope="col">{t("agreements.status")}</th>
            <th scope="col">{t("agreements.progress")}</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.agreements.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/agreements/${a.id}`}>{localized(a.title, lang)}</Link>
                {a.parentTitle ? <div className="meta">{t("agreements.parent")}: {localized(a.parentTitle, lang)}</div> : null}
              </th>
              <td>{t(`agreementKind.${a.kind}`)}</td>
              <td>
                {a.inForceFrom ? format.day(a.inForceFrom) : format.day(a.signedOn)}
                {a.inForceUntil ? ` – ${format.day(a.inForceUntil)}` : null}
              </td>
              <td><StatusBadge group="agreementStatus" value={a.status} /></td>
              <td><CommitmentBar counts={a.commitments} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
