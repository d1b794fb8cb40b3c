import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearedSessionCookieHeader, endSession, readSessionId } from "~/accounts/sessions.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request, context.config.sessionSecrets);
  if (sessionId) await endSession(context.db, sessionId);
  return redirect("/", { headers: { "Set-Cookie": await clearedSessionCookieHeader(context.config.sessionSecrets, context.secure) } });
}
