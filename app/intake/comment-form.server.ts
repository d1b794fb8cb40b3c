/** What the public comment page shows: the draft, whether it is open, and the clause quoted at the top. */
import { and, asc, eq, like, or } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { provisions } from "../../db/schema";
import type { WindowState } from "../drafts/consultation-window";
import { readingBlocks, type ReadingBlock } from "../drafts/reading-blocks";
import type { ClauseOption } from "./article-reference";
import { clauseOptions, commentTarget } from "./comment-target.server";

export interface CommentFormData {
  draft: { slug: string; title: string };
  versionLabel: string;
  window: WindowState;
  /** Open for comment online now. */
  accepting: boolean;
  moderation: "pre" | "post" | null;
  clause: Extract<ReadingBlock, { type: "article" }> | null;
  /** Offered when no clause was given in the address. */
  options: ClauseOption[] | null;
}

export async function commentFormData(db: Executor, slug: string, provisionKey: string | null, now: Date): Promise<CommentFormData | null> {
  const target = await commentTarget(db, { slug }, now);
  if (!target) return null;
  let clause: CommentFormData["clause"] = null;
  if (provisionKey) {
    const rows = await db
      .select({ key: provisions.stableKey, kind: provisions.kind, label: provisions.label, heading: provisions.heading, text: provisions.text, depth: provisions.depth })
      .from(provisions)
      .where(and(eq(provisions.versionId, target.version.id), or(eq(provisions.stableKey, provisionKey), like(provisions.stableKey, `${provisionKey}.%`))))
      .orderBy(asc(provisions.ordinal));
    const block = readingBlocks(rows)[0];
    if (block?.type === "article") clause = block;
  }
  const accepting = !!target.consultation?.publicComments && target.window.state === "open";
  return {
    draft: { slug: target.draft.slug, title: target.draft.title },
    versionLabel: target.version.label,
    window: target.window,
    accepting,
    moderation: target.consultation?.moderation ?? null,
    clause,
    options: accepting && !clause ? await clauseOptions(db, target.version.id) : null,
  };
}
