import type { ComponentProps } from "react";

/** Zones the forms suggest; any IANA zone is accepted (the server checks it against the runtime's list). */
export const suggestedZones = [
  "Asia/Baku",
  "Asia/Jakarta",
  "Asia/Makassar",
  "Asia/Jayapura",
  "Asia/Seoul",
  "Europe/Istanbul",
];

/**
 * A time zone typed as text, offered the suggestions of the datalist `list` names: light where a
 * select of every zone would repeat some 400 options, and the same without JavaScript.
 */
export function TimeZoneInput({ list, ...attributes }: Omit<ComponentProps<"input">, "type"> & { list: string }) {
  return <input {...attributes} type="text" maxLength={64} list={list} autoComplete="off" spellCheck={false} />;
}

/** The suggested zones, once a form, for its zone inputs' `list`. */
export function TimeZoneSuggestions({ id, zones = suggestedZones }: { id: string; zones?: readonly string[] }) {
  return (
    <datalist id={id}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}
