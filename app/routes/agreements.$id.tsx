import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/agreements.$id";
import { SourceLink } from "../components/source-link";
import { StatusBadge } from "../components/status-badge";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import type { Language } from "../i18n/config";
import { requireUser } from "../lib/auth.server";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { getAgreement } from "../models/agreement.server";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "viewer");
  const id = Number(params.id);
  const agreement = Number.isInteger(id) && id > 0 ? await getAgreement(db, id) : null;
  if (!agreement) throw new Response("Not found", { status: 404 });
  return { agreement, title: localized(agreement.title, getLanguage(context) as Language) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function AgreementPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const a = loaderData.agreement;
  return (
    <article className="page">
      <p><Link to="/agreements">← {t("agreements.title")}</Link></p>
      <h1>{localized(a.title, lang)}</h1>
      <dl className="facts">
        <dt>{t("agreements.kind")}</dt>
        <dd>{t(`agreementKind.${a.kind}`)}</dd>
        <dt>{t("agreements.status")}</dt>
        <dd><StatusBadge group="agreementStatus" value={a.status} /></dd>
        {a.signedOn ? (
          <>
            <dt>{t("agreements.signedOn")}</dt>
            <dd>{format.day(a.signedOn)}{a.signedCity ? ` · ${t("agreements.signedIn", { city: a.signedCity })}` : null}</dd>
          </>
        ) : null}
        {a.inForceFrom ? (
          <>
            <dt>{t("agreements.period")}</dt>
            <dd>
              {a.inForceUntil
                ? t("dashboard.inForce", { from: format.day(a.inForceFrom), until: format.day(a.inForceUntil) })
                : t("dashboard.inForceFrom", { from: format.day(a.inForceFrom) })}
            </dd>
          </>
        ) : null}
        {a.parent?.id ? (
          <>
            <dt>{t("agreements.parent")}</dt>
            <dd><Link to={`/agreements/${a.parent.id}`}>{localized(a.parent.title, lang)}</Link></dd>
          </>
        ) : null}
        {a.signatories.length ? (
          <>
            <dt>{t("agreements.signatories")}</dt>
            <dd>{a.signatories.map((s) => s.name + (s.title ? ` (${localized(s.title, lang)})` : "")).join("; ")}</dd>
          </>
        ) : null}
      </dl>
      <p className="lead">{localized(a.summary, lang)}</p>
      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t("agreements.commitments")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("agreements.commitments")}</th>
              <th scope="col">{t("agreements.status")}</th>
              <th scope="col">{t("activities.title")}</th>
            </tr>
          </thead>
          <tbody>
            {a.commitments.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {localized(c.text, lang)}
                  {c.responsible ? <div className="meta">{localized(c.responsible, lang)}</div> : null}
                </th>
                <td><StatusBadge group="commitmentStatus" value={c.status} /></td>
                <td>
                  <ul className="plain">
                    {c.activities.map((act) => (
                      <li key={act.id}>
                        {format.when(act.startsAt, act.allDay)}: {localized(act.title, lang)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {a.sources.length ? (
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t("library.sources")}</h2>
          <ul className="sources">
            {a.sources.map((s) => <li key={s.id}><SourceLink source={s} /></li>)}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
