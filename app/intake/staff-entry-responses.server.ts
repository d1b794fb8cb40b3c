/**
 * What the two fast-entry routes (a symposium's, and letters/calls/visits) answer: the screen's
 * data, and a saved view — a redirect back to the cleared form without JavaScript, or data for the
 * fetcher (the page stays, the list grows) with it. Invalid input comes back with its values.
 */
import { randomUUID } from "node:crypto";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { Principal } from "../accounts/policy";
import { parseForm } from "../platform/forms";
import { rejectForm, settle } from "../platform/respond.server";
import { entryInput } from "./staff-entry-input";
import { contextFilter, ENTRY_SCREEN_LIMIT, enteredComments, type EnteredRow } from "./staff-entered.server";
import { articleErrors, enterComment, type EntryContext } from "./staff-entry.server";

export interface EntryScreenData {
  ctx: EntryContext;
  entered: { rows: EnteredRow[]; total: number };
  /** Fresh for every render of the form: a double submit of one form makes one comment. */
  formKey: string;
  /** After a no-JavaScript save: what was saved, announced above the cleared form. */
  notice: { kind: "saved"; code: string; label: string | null } | { kind: "updated" } | { kind: "created" } | null;
}

export async function entryScreen(context: AppLoadContext, ctx: EntryContext, url: URL): Promise<EntryScreenData> {
  const entered = await enteredComments(context.db, contextFilter(ctx), ENTRY_SCREEN_LIMIT);
  const savedCode = url.searchParams.get("saved");
  const saved = savedCode ? entered.rows.find((r) => r.receiptCode === savedCode) : undefined;
  const notice = saved
    ? { kind: "saved" as const, code: saved.receiptCode, label: saved.articleLabel }
    : url.searchParams.has("updated") ? { kind: "updated" as const } : url.searchParams.has("created") ? { kind: "created" as const } : null;
  return { ctx, entered, formKey: randomUUID(), notice };
}

export interface EntrySaved {
  ok: true;
  saved: { id: string; code: string; label: string | null; repeated: boolean };
  /** The key for the next, cleared form. */
  nextKey: string;
}

export async function saveEntry(request: Request, context: AppLoadContext, user: Principal, ctx: EntryContext) {
  const form = await request.formData();
  const now = new Date();
  const parsed = parseForm(entryInput(() => now), form);
  if (!parsed.ok) return rejectForm({ ...(await articleErrors(context.db, ctx.version.id, parsed.values)), ...parsed.fieldErrors }, parsed.values);
  const outcome = await enterComment(context.db, user, ctx, parsed.data, { now, requestId: context.requestId });
  return settle(outcome, parsed.values, (saved) => {
    if (form.get("js") === "1") {
      return data<EntrySaved>({ ok: true, saved: { id: saved.id, code: saved.receiptCode, label: saved.label, repeated: saved.repeated }, nextKey: randomUUID() });
    }
    const back = new URL(request.url);
    for (const param of ["saved", "updated", "created", "index"]) back.searchParams.delete(param);
    back.searchParams.set("saved", saved.receiptCode);
    return redirect(`${back.pathname}${back.search}`, 303);
  });
}
