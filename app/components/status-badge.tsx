import type { KeysUnder, ValueGroup } from "../i18n/keys";
import { useTranslation } from "../i18n/translation";

/** A value of one of the value lists, with the list it belongs to: `{ group: "roles", value: "admin" }`. */
type GroupValue = { [G in ValueGroup]: { group: G; value: KeysUnder<G> } }[ValueGroup];

/** A status word in a coloured pill; the colour only repeats what the word says. */
export function StatusBadge({ group, value }: GroupValue) {
  const { t } = useTranslation();
  // The value comes from the database: a value the list does not know yet shows as it is.
  return <Badge value={value} label={t(`${group}.${value}`, { defaultValue: value })} />;
}

/** The pill itself, for lists that translate once for all their rows. */
export function Badge({ value, label }: { value: string; label: string }) {
  return <span className={`badge badge--${value.replace(/_/g, "-")}`}>{label}</span>;
}
