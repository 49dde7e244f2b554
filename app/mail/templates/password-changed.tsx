import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { translatorFor } from "../../i18n/i18n.server";
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
  const { t } = translatorFor(props.lang);
  const app = t("app.name");
  return (
    <MailLayout lang={props.lang} appName={app} origin={props.origin} preview={t("access.mail.changedPreview")}>
      <Heading as="h1" style={mailStyles.heading}>
        {t("access.mail.changedSubject", { app })}
      </Heading>
      <Text style={mailStyles.text}>{t("access.mail.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>{t("access.mail.changedText", { app, email: props.email })}</Text>
      <Text style={mailStyles.text}>{t("access.mail.changedWarning")}</Text>
      <LinkAction
        href={`${props.origin}/forgot-password`}
        label={t("access.mail.changedAction")}
        copyHint={t("access.mail.copyLink")}
      />
    </MailLayout>
  );
}

export function passwordChangedMail(props: PasswordChanged) {
  const { t } = translatorFor(props.lang);
  return renderMail(t("access.mail.changedSubject", { app: t("app.name") }), <PasswordChangedMail {...props} />);
}
