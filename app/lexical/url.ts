/**
 * Link addresses a rich text may hold. Shared by the editor (LinkPlugin's validateUrl, the link
 * form) and the server sanitizer, so both accept exactly the same addresses. No dependencies.
 */
const allowedProtocols = new Set(["http:", "https:", "mailto:"]);

/** True for an absolute http:, https: or mailto: address, parsed the way a browser parses it. */
export function isAllowedUrl(url: string): boolean {
  if (typeof url !== "string" || url.trim() === "") return false;
  try {
    return allowedProtocols.has(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}

/**
 * What a person typed into the link form, as an address to store, or null when it cannot be one:
 * "example.org/x" becomes "https://example.org/x" and "name@example.org" becomes a mailto: link.
 */
export function linkFromInput(input: string): string | null {
  const value = input.trim();
  if (value === "") return null;
  if (isAllowedUrl(value)) return value;
  // Something with a scheme of its own (javascript:, data:, ftp:…) is refused, not "fixed".
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value)) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  const candidate = `https://${value.replace(/^\/+/, "")}`;
  try {
    const url = new URL(candidate);
    return url.hostname.includes(".") && isAllowedUrl(candidate) ? candidate : null;
  } catch {
    return null;
  }
}
