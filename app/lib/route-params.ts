/** The record id in a route's `:id`; anything that cannot be one is a 404, like an id nobody has. */
export function idParam(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}
