import { useTranslation } from "../i18n/translation";
import { shownText } from "../lib/case-text";
import { adminLevels, caseSectors, type AdminLevel, type CaseSector } from "../lib/enums";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { PublishedCase, PublicOrganization } from "../models/case-public.server";
import { ShownInline } from "./shown-text";

const isSector = (v: string): v is CaseSector => (caseSectors as readonly string[]).includes(v);
const isLevel = (v: string | null): v is AdminLevel => (adminLevels as readonly string[]).includes(v ?? "");

function OrganizationName({ organization }: { organization: PublicOrganization }) {
  const lang = useLanguage();
  const name = localized(organization.name, lang);
  return <>{organization.acronym && organization.acronym !== name ? `${name} (${organization.acronym})` : name}</>;
}

/** The case's facts as a definition list: where, who, when, what kind, which goals, which awards, whom to ask. */
export function CaseFacts({ c }: { c: PublishedCase }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const place = shownText(c.place, lang);
  const start = c.startedYear ? String(c.startedYear) : null;
  const end = c.stoppedYear ? String(c.stoppedYear) : null;
  const years = start
    ? end
      ? t("libraryCase.rangeStopped", { start, end })
      : t("libraryCase.sinceRunning", { start })
    : end
      ? t("libraryCase.stoppedIn", { end })
      : null;
  return (
    <section aria-labelledby="facts-title" className="case-section case-facts">
      <h2 id="facts-title">{t("libraryCase.factsTitle")}</h2>
      <dl className="facts">
        <dt>{t("libraryCase.country")}</dt>
        <dd>{localized(c.countryName, lang)}</dd>
        {place ? (
          <>
            <dt>{t("libraryCase.place")}</dt>
            <dd>
              <ShownInline shown={place} />
            </dd>
          </>
        ) : null}
        {c.organization ? (
          <>
            <dt>{t("libraryCase.organization")}</dt>
            <dd>
              <OrganizationName organization={c.organization} />
            </dd>
          </>
        ) : null}
        {isLevel(c.adminLevel) ? (
          <>
            <dt>{t("libraryCase.adminLevel")}</dt>
            <dd>{t(`adminLevel.${c.adminLevel}`)}</dd>
          </>
        ) : null}
        {years ? (
          <>
            <dt>{t("libraryCase.years")}</dt>
            <dd>{years}</dd>
          </>
        ) : null}
        <dt>{t("libraryCase.sector")}</dt>
        <dd>{isSector(c.sector) ? t(`caseSector.${c.sector}`) : t("caseSector.other")}</dd>
        {c.sdgGoals.length || c.sdgTargets.length ? (
          <>
            <dt>{t("libraryCase.sdgs")}</dt>
            <dd>
              <ul className="plain case-facts__sdgs">
                {c.sdgGoals.map((goal) => (
                  <li key={goal}>
                    <a href={`https://sdgs.un.org/goals/goal${goal}`} rel="noopener noreferrer">
                      {t("libraryCase.sdgGoal", { goal: String(goal) })}
                    </a>
                  </li>
                ))}
                {c.sdgTargets.length ? (
                  <li>{t("libraryCase.sdgTargets", { targets: c.sdgTargets.join(", ") })}</li>
                ) : null}
              </ul>
            </dd>
          </>
        ) : null}
        {c.awards.length ? (
          <>
            <dt>{t("libraryCase.awards")}</dt>
            <dd>
              <ul className="plain">
                {c.awards.map((award, i) => (
                  <li key={i}>
                    <ShownInline shown={shownText(award.title, lang)} />
                    {award.category ? (
                      <>
                        {", "}
                        <ShownInline shown={shownText(award.category, lang)} />
                      </>
                    ) : null}
                    {`, ${award.year}`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.contactOrganization ? (
          <>
            <dt>{t("libraryCase.contact")}</dt>
            <dd>
              <OrganizationName organization={c.contactOrganization} />
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
