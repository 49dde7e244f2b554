/** The document title for a page, from the translated title its loader returned. */
export function titled(title: string | undefined) {
  return [{ title: title ? `${title} · Jembatan` : "Jembatan" }];
}
