import { Link } from "react-router";
import type { FollowUpStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useTranslation } from "../i18n/translation";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { TableScroll } from "./table-scroll";
import "../styles/follow-ups.css";
import { ExampleBadge } from "./example-badge";

/** A follow-up as the list shows it (app/models/follow-up-queries.server.ts gives these). */
export interface VisitFollowUp {
  id: number;
  title: LocalizedText;
  ownerName: string;
  dueOn: string;
  status: FollowUpStatus;
  /** Open and due before the viewer's today. */
  overdue: boolean;
  commitments: { id: number; text: LocalizedText }[];
  example?: boolean;
}

/**
 * A visit's follow-ups, by due date: what, who, when, how it stands and the commitments it serves,
 * overdue ones said in words. The visit page shows it with a link to the follow-ups page, which
 * shows it with an edit link per row.
 */
export function VisitFollowUps({
  visitId,
  items,
  canEdit,
  editLinks = false,
  headingLevel = 2,
}: {
  visitId: number;
  items: VisitFollowUp[];
  canEdit: boolean;
  /** On the follow-ups page: each row links to its edit form. Elsewhere: one link to that page. */
  editLinks?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const Heading = `h${headingLevel}` as const;
  const base = `/visits/${visitId}/follow-ups`;
  return (
    <section aria-labelledby="follow-ups-title" className="follow-ups">
      <Heading id="follow-ups-title">{t("followUps.title")}</Heading>
      {items.length ? (
        <TableScroll labelledBy="follow-ups-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("followUps.action")}</th>
                <th scope="col">{t("followUps.owner")}</th>
                <th scope="col">{t("followUps.dueOn")}</th>
                <th scope="col">{t("followUps.status")}</th>
                <th scope="col">{t("followUps.commitments")}</th>
                {canEdit && editLinks ? (
                  <th scope="col" className="follow-ups__edit">
                    <span className="visually-hidden">{t("followUps.edit")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id} id={`follow-up-${f.id}`}>
                  <th scope="row">
                    {localized(f.title, lang)}
                    <ExampleBadge example={f.example} />
                  </th>
                  <td>{f.ownerName}</td>
                  <td>
                    {format.day(f.dueOn)}
                    {f.overdue ? <strong className="follow-ups__overdue">{t("followUps.overdue")}</strong> : null}
                  </td>
                  <td>{t(`followUps.statuses.${f.status}`)}</td>
                  <td>
                    {f.commitments.length ? (
                      <ul className="follow-ups__commitments">
                        {f.commitments.map((c) => (
                          <li key={c.id}>
                            <Link to={`/commitments/${c.id}`}>{localized(c.text, lang)}</Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">{t("followUps.noCommitments")}</span>
                    )}
                  </td>
                  {canEdit && editLinks ? (
                    <td className="follow-ups__edit">
                      <Link to={`${base}?edit=${f.id}#follow-up-form`}>
                        {t("followUps.edit")}
                        <span className="visually-hidden">: {localized(f.title, lang)}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("followUps.none")}</p>
      )}
      {canEdit && !editLinks ? (
        <p>
          <Link to={base}>{t("followUps.manage")}</Link>
        </p>
      ) : null}
    </section>
  );
}
