import { maxId } from "./form-schema";
import { notFound } from "./http";

/** The record id in a route's `:id`; anything that cannot be one is a 404, like an id nobody has. */
export function idParam(params: { id?: string }): number {
  const id = /^\d{1,10}$/.test(params.id ?? "") ? Number(params.id) : 0;
  if (id <= 0 || id > maxId) notFound();
  return id;
}
