import { Heading, Link, Section, Text } from "@react-email/components";
import type { TFunction } from "../../i18n/translator";
import type { MailKey } from "../translator.server";
import { createFormatter } from "../../lib/format";
import type { FollowSubject } from "../../lib/enums";
import { MailLayout, mailStyles, type MailFrame } from "../layout";
import { NoticeFooter } from "./notice-footer";

export interface DigestChange {
  action: string;
  at: Date;
  /** The actor's name; null for a process (the seed, the command line) or a deleted account. */
  who: string | null;
  byProcess: boolean;
}

/** One changed record and what happened to it in the week, newest first. */
export interface DigestItem {
  type: FollowSubject;
  title: string;
  /** Null for a record deleted since. */
  url: string | null;
  changes: DigestChange[];
}

/** Changes listed per record; the rest is counted, so one busy record does not bury the others. */
const changesShown = 5;

/** Monday's digest of what changed in the records the recipient follows. */
export function weeklyDigestMail(
  frame: MailFrame & { t: TFunction<MailKey>; timeZone: string; unsubscribeUrl: string },
  digest: { from: Date; to: Date; items: DigestItem[] },
) {
  const { t } = frame;
  const format = createFormatter(frame.lang, frame.timeZone);
  const heading = t("email.notices.digest.heading", {
    from: format.dateTime(digest.from),
    to: format.dateTime(digest.to),
  });
  const who = (c: DigestChange) =>
    c.who ?? (c.byProcess ? t("email.notices.digest.process") : t("email.notices.digest.someone"));
  const element = (
    <MailLayout
      {...frame}
      preview={heading}
      footer={<NoticeFooter t={t} why={t("email.notices.whyDigest")} unsubscribeUrl={frame.unsubscribeUrl} />}
    >
      <Heading as="h1" style={mailStyles.heading}>
        {heading}
      </Heading>
      <Text style={mailStyles.text}>{t("email.notices.digest.intro")}</Text>
      {digest.items.map((item) => (
        <Section key={`${item.type}-${item.url ?? item.title}`} style={{ margin: "0 0 16px" }}>
          <Text style={{ ...mailStyles.small, margin: "0" }}>
            {t(`email.notices.digest.${item.type}`)} ·{" "}
            {t("email.notices.digest.changes", { count: item.changes.length })}
          </Text>
          <Heading as="h2" style={{ fontSize: "16px", margin: "2px 0 6px" }}>
            {item.url ? <Link href={item.url}>{item.title}</Link> : item.title}
          </Heading>
          {item.changes.slice(0, changesShown).map((c, i) => (
            <Text key={i} style={{ ...mailStyles.small, margin: "0 0 2px" }}>
              {t("email.notices.digest.change", {
                action: t(`email.notices.actions.${c.action}`, { defaultValue: t("email.notices.actions.update") }),
                when: format.dateTime(c.at),
                who: who(c),
              })}
            </Text>
          ))}
          {item.changes.length > changesShown ? (
            <Text style={{ ...mailStyles.small, margin: "0" }}>
              {t("email.notices.digest.more", { count: item.changes.length - changesShown })}
            </Text>
          ) : null}
        </Section>
      ))}
      <Text style={mailStyles.small}>{t("email.notices.digest.manage")}</Text>
    </MailLayout>
  );
  return { subject: t("email.notices.digest.subject"), element };
}
