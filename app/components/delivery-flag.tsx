import { Form } from "react-router";
import { useTranslation } from "../i18n/translation";
import { useFormatter } from "../lib/use-formatter";
import { Badge } from "./status-badge";
import "../styles/delivery.css";

export interface SuppressionView {
  reason: "bounced" | "complained";
  createdAt: Date;
}

/** Why mail to an address may not arrive (it bounced, or was reported as spam), since when, and what still goes. */
export function DeliveryWarning({ suppression }: { suppression: SuppressionView }) {
  const { t } = useTranslation();
  const format = useFormatter();
  return (
    <>
      <Badge value={suppression.reason} label={t(`delivery.reason.${suppression.reason}`)} />
      <span className="meta">{t("delivery.since", { date: format.dateTime(suppression.createdAt) })}</span>
      <span className="meta">{t("delivery.explained")}</span>
    </>
  );
}

/** The warning on a user's row, with the admin's way to send notices to the address again. */
export function DeliveryFlag({ email, suppression }: { email: string; suppression: SuppressionView }) {
  const { t } = useTranslation();
  return (
    <div className="delivery-flag">
      <DeliveryWarning suppression={suppression} />
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
