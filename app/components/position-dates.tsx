import { useTranslation } from "../i18n/translation";
import { useFormatter } from "../lib/use-formatter";

/** A position's dates as the page says them: "10 Nov 2016 – 24 Jul 2017", "from …", "until …" or "dates not known". */
export function PositionDates({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const from = startsOn ? <time dateTime={startsOn}>{format.day(startsOn)}</time> : null;
  const until = endsOn ? <time dateTime={endsOn}>{format.day(endsOn)}</time> : null;
  if (from && until)
    return (
      <>
        {from} – {until}
      </>
    );
  if (from) return <>{t("people.page.from", { from: format.day(startsOn) })}</>;
  if (until) return <>{t("people.page.until", { until: format.day(endsOn) })}</>;
  return <>{t("people.page.datesUnknown")}</>;
}
