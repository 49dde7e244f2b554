import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { mailTranslator } from "../translator.server";
import { MailLayout, mailStyles } from "../layout";
import { renderMail } from "../render.server";
import { LinkAction } from "./link-action";
import { NoticeFooter, shortText } from "./notice-footer";

interface EnquiryNotice {
  lang: Language;
  origin: string;
  /** The case's title in the recipient's language. */
  title: string;
  name: string;
  organization: string;
  country: string;
  /** The request's page in /enquiries (staff only). */
  url: string;
  unsubscribeUrl: string;
}

/**
 * Tells an editor or admin that a partner sent a request from a case page. Who asked is named (staff
 * read it in /enquiries anyway); the message itself stays in the app.
 */
export function EnquiryNoticeMail(props: EnquiryNotice) {
  const { t } = mailTranslator(props.lang);
  const footer = (
    <NoticeFooter
      t={t}
      why={t("email.enquiries.noticeWhy", { what: t("notices.kinds.enquiries") })}
      unsubscribeUrl={props.unsubscribeUrl}
    />
  );
  return (
    <MailLayout
      lang={props.lang}
      appName={t("app.name")}
      origin={props.origin}
      preview={t("email.enquiries.noticeHeading")}
      footer={footer}
    >
      <Heading as="h1" style={mailStyles.heading}>
        {t("email.enquiries.noticeHeading")}
      </Heading>
      <Text style={mailStyles.text}>
        {t("email.enquiries.noticeText", {
          name: props.name,
          organization: props.organization,
          country: props.country,
          title: props.title,
        })}
      </Text>
      <LinkAction href={props.url} label={t("email.enquiries.noticeAction")} copyHint={t("email.access.copyLink")} />
    </MailLayout>
  );
}

export function enquiryNoticeMail(props: EnquiryNotice) {
  const { t } = mailTranslator(props.lang);
  return renderMail(
    t("email.enquiries.noticeSubject", { title: shortText(props.title) }),
    <EnquiryNoticeMail {...props} />,
  );
}
