/**
 * What an officer checks before publishing a version: the parsed structure with its counts, every
 * warning the parser raised, the text as readers will see it, and the explanation.
 */
import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { draftVersions, drafts, provisions } from "../../db/schema";
import type { ProvisionKind } from "../../db/schema/vocabulary";
import type { Principal } from "../accounts/policy";
import type { Outcome } from "../platform/outcome";
import type { ParseWarning } from "./parse/types";
import { readingBlocks, type ReadingBlock } from "./reading-blocks";
import { tableOfContents, type TocEntry } from "./toc";
import { mayManageDraft } from "./versions.server";

export interface VersionPreview {
  draft: { id: string; slug: string; title: string };
  version: {
    id: string; seq: number; label: string; status: "draft" | "published"; publishedAt: Date | null; sourceFileName: string | null;
    explanationJson: unknown; explanationText: string | null;
  };
  counts: Partial<Record<ProvisionKind, number>>;
  warnings: ParseWarning[];
  toc: TocEntry[];
  blocks: ReadingBlock[];
  previousPublishedSeq: number | null;
}

export async function versionPreview(db: Executor, actor: Principal | null, draftId: string, seq: number): Promise<Outcome<VersionPreview>> {
  const allowed = await mayManageDraft(db, actor, draftId);
  if (allowed !== "ok") return { ok: false, error: allowed };
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId));
  const [version] = await db.select().from(draftVersions).where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.seq, seq)));
  if (!draft || !version) return { ok: false, error: "not_found" };
  const rows = await db
    .select({ key: provisions.stableKey, kind: provisions.kind, label: provisions.label, heading: provisions.heading, text: provisions.text, depth: provisions.depth })
    .from(provisions)
    .where(eq(provisions.versionId, version.id))
    .orderBy(asc(provisions.ordinal));
  const counts: Partial<Record<ProvisionKind, number>> = {};
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  const [previous] = await db
    .select({ seq: draftVersions.seq })
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.status, "published"), lt(draftVersions.seq, seq)))
    .orderBy(desc(draftVersions.seq))
    .limit(1);
  return {
    ok: true,
    value: {
      draft: { id: draft.id, slug: draft.slug, title: draft.title },
      version: {
        id: version.id, seq: version.seq, label: version.label, status: version.status, publishedAt: version.publishedAt, sourceFileName: version.sourceFileName,
        explanationJson: version.explanationJson, explanationText: version.explanationText,
      },
      counts,
      warnings: (version.warnings as ParseWarning[]) ?? [],
      toc: tableOfContents(rows),
      blocks: readingBlocks(rows),
      previousPublishedSeq: previous?.seq ?? null,
    },
  };
}
