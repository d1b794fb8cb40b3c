/** The audit log: append-only records of who did what. Written inside the caller's transaction. */
import type { Executor } from "../../db/client";
import { auditLog } from "../../db/schema";

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
  requestId?: string | null;
  at?: Date;
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? {},
    requestId: entry.requestId ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}
