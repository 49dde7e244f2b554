import { maxId } from "./form-schema";

/** The record id in a route's `:id`; anything that cannot be one is a 404, like an id nobody has. */
export function idParam(params: { id?: string }): number {
  const id = /^\d{1,10}$/.test(params.id ?? "") ? Number(params.id) : 0;
  if (id <= 0 || id > maxId) throw new Response("Not found", { status: 404 });
  return id;
}
