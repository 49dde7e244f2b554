import { useTranslation } from "../i18n/translation";

/** A status word in a coloured pill; the colour only repeats what the word says. */
export function StatusBadge({ group, value }: { group: string; value: string }) {
  const { t } = useTranslation();
  return <Badge value={value} label={t(`${group}.${value}`)} />;
}

/** The pill itself, for lists that translate once for all their rows. */
export function Badge({ value, label }: { value: string; label: string }) {
  return <span className={`badge badge--${value.replace(/_/g, "-")}`}>{label}</span>;
}
