import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { mailTranslator } from "../translator.server";
import { MailLayout, mailStyles } from "../layout";
import { renderMail } from "../render.server";
import { LinkAction } from "./link-action";
import { shortText } from "./notice-footer";

interface EnquiryReceived {
  lang: Language;
  origin: string;
  name: string;
  /** The case's title in the page's language. */
  title: string;
  /** The public case page the request was sent from. */
  caseUrl: string;
}

/**
 * The acknowledgement a visitor gets for a request sent from a case page, in the page's language.
 * It repeats nothing the visitor typed but their name: whoever typed someone else's address can
 * make it say nothing of their own.
 */
export function EnquiryReceivedMail(props: EnquiryReceived) {
  const { t } = mailTranslator(props.lang);
  return (
    <MailLayout
      lang={props.lang}
      appName={t("app.name")}
      origin={props.origin}
      preview={t("email.enquiries.receivedPreview")}
    >
      <Heading as="h1" style={mailStyles.heading}>
        {t("email.enquiries.receivedSubject", { title: shortText(props.title) })}
      </Heading>
      <Text style={mailStyles.text}>{t("email.access.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>{t("email.enquiries.receivedText", { title: props.title })}</Text>
      <LinkAction href={props.caseUrl} label={props.title} copyHint={t("email.enquiries.receivedCase")} />
      <Text style={mailStyles.small}>{t("email.enquiries.receivedIgnore")}</Text>
    </MailLayout>
  );
}

export function enquiryReceivedMail(props: EnquiryReceived) {
  const { t } = mailTranslator(props.lang);
  return renderMail(
    t("email.enquiries.receivedSubject", { title: shortText(props.title) }),
    <EnquiryReceivedMail {...props} />,
  );
}
