import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { mailTranslator } from "../translator.server";
import { MailLayout, mailStyles } from "../layout";
import { renderMail } from "../render.server";
import { LinkAction } from "./link-action";

interface PasswordChanged {
  lang: Language;
  origin: string;
  name: string;
  email: string;
}

/**
 * Tells the owner of an account that its password changed, so a change they did not make (a
 * mailbox someone else reads) does not go unnoticed; it leads to the forgotten-password page.
 */
export function PasswordChangedMail(props: PasswordChanged) {
  const { t } = mailTranslator(props.lang);
  const app = t("app.name");
  return (
    <MailLayout lang={props.lang} appName={app} origin={props.origin} preview={t("email.access.changedPreview")}>
      <Heading as="h1" style={mailStyles.heading}>
        {t("email.access.changedSubject", { app })}
      </Heading>
      <Text style={mailStyles.text}>{t("email.access.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>{t("email.access.changedText", { app, email: props.email })}</Text>
      <Text style={mailStyles.text}>{t("email.access.changedWarning")}</Text>
      <LinkAction
        href={`${props.origin}/forgot-password`}
        label={t("email.access.changedAction")}
        copyHint={t("email.access.copyLink")}
      />
    </MailLayout>
  );
}

export function passwordChangedMail(props: PasswordChanged) {
  const { t } = mailTranslator(props.lang);
  return renderMail(t("email.access.changedSubject", { app: t("app.name") }), <PasswordChangedMail {...props} />);
}
