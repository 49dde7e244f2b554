import { Link } from "@react-email/components";
import type { TFunction } from "../../i18n/translator";
import type { MailKey } from "../translator.server";

/** The footer line of every notice and digest: why it came, and the link that stops it. */
export function NoticeFooter({
  t,
  why,
  unsubscribeUrl,
}: {
  t: TFunction<MailKey>;
  why: string;
  unsubscribeUrl: string;
}) {
  return (
    <>
      {why}{" "}
      <Link href={unsubscribeUrl} style={{ color: "#4a525c" }}>
        {t("email.notices.unsubscribe")}
      </Link>
    </>
  );
}

/** A subject line stays one short line, however long the record's own text. */
export function shortText(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
