import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import "../styles/follow-ups.css";
import { ListText } from "./shown-text";

interface MyFollowUp {
  id: number;
  title: LocalizedText;
  dueOn: string;
  visitId: number;
  visitTitle: LocalizedText;
  overdue: boolean;
}

/** The account page's "My follow-ups": the user's open ones, overdue ones said in words. */
export function AccountFollowUps({ items }: { items: MyFollowUp[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  return (
    <section aria-labelledby="my-follow-ups-title" id="follow-ups">
      <h2 id="my-follow-ups-title">{t("account.myFollowUps")}</h2>
      {items.length ? (
        <>
          <p className="hint">{t("account.myFollowUpsIntro")}</p>
          <ul className="plain account-follow-ups">
            {items.map((f) => (
              <li key={f.id}>
                <Link to={`/visits/${f.visitId}/follow-ups#follow-up-${f.id}`}>
                  <ListText text={f.title} />
                </Link>
                <span className="meta">
                  {t("account.followUpVisit", { visit: localized(f.visitTitle, lang) })} ·{" "}
                  {t("account.followUpDue", { date: format.day(f.dueOn) })}
                  {f.overdue ? (
                    <>
                      {" · "}
                      <strong className="account-follow-ups__overdue">{t("account.followUpOverdue")}</strong>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t("account.noFollowUps")}</p>
      )}
    </section>
  );
}
