import { Form, useLocation, useNavigation } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { FollowSubject } from "../lib/enums";

/**
 * Follow or stop following a record for the weekly digest: a plain POST form, so it works without
 * JavaScript; with it, the page stays where it was scrolled to.
 */
export function FollowButton({
  subjectType,
  subjectId,
  following,
}: {
  subjectType: FollowSubject;
  subjectId: number;
  following: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const busy = useNavigation().formAction === "/follows";
  const hintId = `follow-hint-${subjectType}-${subjectId}`;
  return (
    <Form method="post" action="/follows" preventScrollReset className="follow-button">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <input type="hidden" name="subjectType" value={subjectType} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="button button--secondary" aria-describedby={hintId} disabled={busy}>
        {following ? t("notices.follow.unfollow") : t("notices.follow.follow")}
      </button>
      <p id={hintId} className="hint">
        {following ? t("notices.follow.followingHint") : t("notices.follow.followHint")}
      </p>
    </Form>
  );
}
