import { data } from "@remix-run/node";

/** Any unknown path: a real 404 status, rendered by the root error boundary. */
export async function loader() {
  throw data({ reason: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
