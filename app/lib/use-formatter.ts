import { useMemo } from "react";
import { useRouteLoaderData } from "react-router";
import type { loader } from "../root";
import { createFormatter } from "./format";

/** Dates and numbers in the reader's language and time zone, alike on server and client. */
export function useFormatter() {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? "en";
  const timeZone = data?.timeZone ?? "UTC";
  return useMemo(() => createFormatter(lang, timeZone), [lang, timeZone]);
}

export function useLanguage() {
  return useRouteLoaderData<typeof loader>("root")?.lang ?? "en";
}
