import { notFound } from "../lib/http";

// Every address no other route claims: the root error boundary shows the 404 page in the layout.
export function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
