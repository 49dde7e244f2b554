import { createContext } from "react-router";

/** What the HTTP layer knows about a request that loaders and actions need. */
interface RequestInfo {
  nonce: string;
  clientAddress: string;
}

export const requestInfoContext = createContext<RequestInfo>({ nonce: "", clientAddress: "unknown" });
