import { Form, Link } from "react-router";
import type { Route } from "./+types/admin.mail";
import { Badge } from "../components/status-badge";
import { Pager } from "../components/pager";
import { TableScroll } from "../components/table-scroll";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { mailStatuses } from "../lib/enums";
import { titled } from "../lib/meta";
import { parseStatusListQuery, statusListSearch } from "../lib/status-list-query";
import { useFormatter } from "../lib/use-formatter";
import { listOutbox } from "../models/mail-outbox.server";
import "../styles/mail.css";
import { mailPage } from "../i18n/packs";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "admin");
  const query = parseStatusListQuery(new URL(request.url).searchParams, mailStatuses);
  const { rows, hasNext } = await listOutbox(db, query);
  return { rows, hasNext, query, sending: !!env.RESEND_API_KEY, title: getI18n(context).t("mail.title") };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const { rows, hasNext, query, sending } = loaderData;
  return (
    <div className="page">
      <h1 id="mail-title">{t("mail.title")}</h1>
      <p className={sending ? undefined : "notice"}>{sending ? t("mail.sending") : t("mail.developmentMailbox")}</p>

      <Form method="get" className="mail-filter">
        <div>
          <label htmlFor="mail-status">{t("mail.filterStatus")}</label>
          <select id="mail-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("mail.allStatuses")}</option>
            {mailStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`mail.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--quiet">
          {t("mail.apply")}
        </button>
      </Form>

      {rows.length ? (
        <TableScroll labelledBy="mail-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("mail.subject")}</th>
                <th scope="col">{t("mail.to")}</th>
                <th scope="col">{t("mail.kind")}</th>
                <th scope="col">{t("mail.status")}</th>
                <th scope="col">{t("mail.queuedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="mail-subject">
                    <Link to={`/admin/mail/${m.id}`}>{m.subject}</Link>
                  </th>
                  <td>{m.toAddress}</td>
                  <td>{t(`mail.kinds.${m.kind}`)}</td>
                  <td>
                    <Badge value={m.status} label={t(`mail.statuses.${m.status}`)} />
                  </td>
                  <td>{format.dateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("mail.none")}</p>
      )}
      {query.page > 1 || hasNext ? (
        <Pager
          label={t("mail.pagination")}
          previous={query.page > 1 ? statusListSearch({ ...query, page: query.page - 1 }) : undefined}
          next={hasNext ? statusListSearch({ ...query, page: query.page + 1 }) : undefined}
        >
          {t("pager.pageOnly", { page: format.number(query.page) })}
        </Pager>
      ) : null}
    </div>
  );
}

// This page's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = mailPage;
