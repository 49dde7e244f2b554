// Being built in this change; answers 404 until then.
export function loader() {
  throw new Response("Not found", { status: 404 });
}
