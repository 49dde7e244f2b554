import { Heading, Link, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { mailTranslator } from "../translator.server";
import { MailLayout, mailStyles } from "../layout";
import { renderMail } from "../render.server";
import { LinkAction } from "./link-action";
import { shortText } from "./notice-footer";

interface BriefingPack {
  lang: Language;
  origin: string;
  /** The member's name as the delegation lists it. */
  name: string;
  /** The visit's title in the recipient's language. */
  title: string;
  /** The visit's dates, written in the recipient's language. */
  dates: string;
  /** The member's own briefing (`?member=`). */
  briefingUrl: string;
  /** The member's own programme as an iCalendar file. */
  calendarUrl: string;
  /** For a member without an account, whose links open without signing in: the day they stop. */
  personalUntil: string | null;
}

/**
 * A delegation member's briefing pack: a link to their own version of the briefing (their items,
 * travel and hotel, the background) and to their programme for their calendar. Nothing personal
 * is in the message itself; the briefing is read signed in, or (a member without an account)
 * through personal links that open only this member's briefing and calendar.
 */
export function BriefingPackMail(props: BriefingPack) {
  const { t } = mailTranslator(props.lang);
  return (
    <MailLayout
      lang={props.lang}
      appName={t("app.name")}
      origin={props.origin}
      preview={t("email.briefing.preview", { title: props.title })}
    >
      <Heading as="h1" style={mailStyles.heading}>
        {t("email.briefing.heading", { title: props.title })}
      </Heading>
      <Text style={mailStyles.text}>{t("email.access.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>{t("email.briefing.text", { title: props.title, dates: props.dates })}</Text>
      <LinkAction href={props.briefingUrl} label={t("email.briefing.action")} copyHint={t("email.access.copyLink")} />
      <Text style={mailStyles.text}>
        {t("email.briefing.calendar")} <Link href={props.calendarUrl}>{props.calendarUrl}</Link>
      </Text>
      <Text style={mailStyles.small}>
        {props.personalUntil ? t("email.briefing.personal", { date: props.personalUntil }) : t("email.briefing.signIn")}
      </Text>
    </MailLayout>
  );
}

export function briefingPackMail(props: BriefingPack) {
  const { t } = mailTranslator(props.lang);
  return renderMail(t("email.briefing.subject", { title: shortText(props.title) }), <BriefingPackMail {...props} />);
}
