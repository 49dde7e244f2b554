import { Form } from "react-router";
import { useTranslation } from "../i18n/translation";
import { useFormatter } from "../lib/use-formatter";
import { Badge } from "./status-badge";

export interface SuppressionView {
  reason: "bounced" | "complained";
  createdAt: Date;
}

/**
 * Why mail to a user's address may not arrive (it bounced, or they reported it as spam), since
 * when, what still goes to it, and the admin's way to send notices to it again.
 */
export function DeliveryFlag({ email, suppression }: { email: string; suppression: SuppressionView }) {
  const { t } = useTranslation();
  const format = useFormatter();
  return (
    <div className="delivery-flag">
      <Badge value={suppression.reason} label={t(`delivery.reason.${suppression.reason}`)} />
      <span className="meta">{t("delivery.since", { date: format.dateTime(suppression.createdAt) })}</span>
      <span className="meta">{t("delivery.explained")}</span>
      <Form method="post">
        <input type="hidden" name="intent" value="liftSuppression" />
        <input type="hidden" name="address" value={email} />
        {/* The suppression the admin saw: a newer one (lifted and reported again meanwhile) is not lifted unseen. */}
        <input type="hidden" name="since" value={new Date(suppression.createdAt).toISOString()} />
        <button type="submit" className="button button--quiet">
          {t("delivery.lift")}
          <span className="visually-hidden"> {email}</span>
        </button>
      </Form>
    </div>
  );
}
