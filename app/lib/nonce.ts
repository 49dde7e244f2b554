import { createContext, useContext } from "react";

/**
 * The response's CSP nonce, for the rare element React Router's own components do not render.
 * Provided on the server only (entry.server.tsx): it is used on visitors' pages, which are never
 * hydrated, so the browser never has to know it.
 */
export const NonceContext = createContext("");

export const useNonce = () => useContext(NonceContext);
