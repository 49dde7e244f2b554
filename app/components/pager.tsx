import type { ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";

/**
 * Links to the pages before and after a paged list, around where the reader is (`children`).
 * Plain links: paging works without JavaScript and each page has its own address.
 */
export function Pager({
  label,
  previous,
  next,
  children,
}: {
  label: string;
  previous?: string;
  next?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={label} className="pager">
      {previous ? (
        <Link to={previous} rel="prev">
          ← {t("pager.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{children}</span>
      {next ? (
        <Link to={next} rel="next">
          {t("pager.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
