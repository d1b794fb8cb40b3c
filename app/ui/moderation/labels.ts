/** Names the moderation screens share: decisions, statuses, and how a comment is identified in forms. */
import type { ModerationStatus } from "../../../db/schema/vocabulary";

export const DECISION_BUTTONS = ["approve", "reject", "hide"] as const;
export type DecisionButton = (typeof DECISION_BUTTONS)[number];

/** "id:status": a comment and the status the officer saw, for the optimistic check (see moderation.server.ts). */
export function seenField(comment: { id: string; moderationStatus: ModerationStatus }): string {
  return `${comment.id}:${comment.moderationStatus}`;
}

export function statusClass(status: ModerationStatus): string {
  return `badge mod-status mod-status--${status}`;
}
