import { useTranslation } from "react-i18next";

/** A status word in a coloured pill; the colour only repeats what the word says. */
export function StatusBadge({ group, value }: { group: string; value: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${value.replace(/_/g, "-")}`}>{t(`${group}.${value}`)}</span>;
}
