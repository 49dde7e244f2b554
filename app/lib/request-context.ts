import { createContext } from "react-router";

/** What the HTTP layer knows about a request that loaders and actions need. */
interface RequestInfo {
  nonce: string;
  clientAddress: string;
  /** Which build of the app answers: pages rendered by another build name other assets. */
  buildVersion: string;
}

export const requestInfoContext = createContext<RequestInfo>({ nonce: "", clientAddress: "unknown", buildVersion: "" });
