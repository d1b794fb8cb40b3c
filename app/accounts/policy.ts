/**
 * The access policy: who may do what, where. Pure data in, yes/no out, so it is tested as a table
 * and every loader and action asks it the same way: `can(user, action, scope)`.
 *
 * A scope says where a resource lives: the path of organisation ids from the root down to the
 * organisation that owns it, and the contact point when it belongs to one. A role held at an
 * organisation reaches everything in that organisation's subtree; a contact-point role reaches
 * only its own contact point.
 */
import type { Role } from "../../db/schema/vocabulary";

export interface Membership {
  id: string;
  role: Role;
  /** Set for officer and admin roles. */
  organizationId: string | null;
  /** Set for contact-point staff. */
  contactPointId: string | null;
  /** Organisation ids from the root to the scope's organisation (a contact point's own organisation). */
  scopePath: readonly string[];
  /** Display name of the scope (organisation or contact point). */
  scopeName: string;
}

export interface Principal {
  id: string;
  username: string;
  displayName: string;
  locale: string;
  memberships: readonly Membership[];
}

export interface Scope {
  organizationPath: readonly string[];
  contactPointId?: string | null;
}

type Reach = "any" | "contact_point" | "subtree";

interface Rule {
  /** Anyone, signed in or not. */
  public?: true;
  roles?: Partial<Record<Role, Reach>>;
}

export const POLICY = {
  // Public: reading published drafts, commenting while open, looking up a receipt.
  "draft.read": { public: true },
  "comment.submit": { public: true },
  "receipt.view": { public: true },
  // Areas of the app (navigation), independent of scope.
  "area.staff": { roles: { contact_point_staff: "any" } },
  "area.officer": { roles: { officer: "any" } },
  "area.admin": { roles: { admin: "any" } },
  // Drafting and consulting: officers of the owning organisation or above.
  "draft.manage": { roles: { officer: "subtree" } },
  "consultation.manage": { roles: { officer: "subtree" } },
  // Views collected at a contact point.
  "comment.enter": { roles: { contact_point_staff: "contact_point", officer: "subtree" } },
  "comment.read": { roles: { contact_point_staff: "contact_point", officer: "subtree" } },
  "comment.moderate": { roles: { officer: "subtree" } },
  "personal_data.reveal": { roles: { contact_point_staff: "contact_point", officer: "subtree" } },
  "symposium.manage": { roles: { contact_point_staff: "contact_point", officer: "subtree" } },
  // Consolidating and the chain.
  "opinion.manage": { roles: { contact_point_staff: "contact_point", officer: "subtree" } },
  "submission.send": { roles: { contact_point_staff: "contact_point", officer: "subtree" } },
  "submission.receive": { roles: { officer: "subtree" } },
  "adoption.record": { roles: { officer: "subtree" } },
  // Administration.
  "organization.manage": { roles: { admin: "subtree" } },
  "account.manage": { roles: { admin: "subtree" } },
  "audit.read": { roles: { admin: "subtree" } },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

function reaches(m: Membership, reach: Reach, scope: Scope | undefined): boolean {
  if (reach === "any") return true;
  if (!scope) return false;
  if (reach === "contact_point") return m.contactPointId !== null && m.contactPointId === scope.contactPointId;
  return m.organizationId !== null && scope.organizationPath.includes(m.organizationId);
}

export function can(user: Principal | null, action: Action, scope?: Scope): boolean {
  const rule: Rule = POLICY[action];
  if (rule.public) return true;
  if (!user || !rule.roles) return false;
  return user.memberships.some((m) => {
    const reach = rule.roles?.[m.role];
    return reach !== undefined && reaches(m, reach, scope);
  });
}

/**
 * Where an action is allowed, as ids to filter lists by: every organisation subtree root and every
 * contact point the user's roles reach for it.
 */
export function grantsFor(user: Principal | null, action: Action): { organizationIds: string[]; contactPointIds: string[] } {
  const rule: Rule = POLICY[action];
  const grants = { organizationIds: [] as string[], contactPointIds: [] as string[] };
  if (!user || !rule.roles) return grants;
  for (const m of user.memberships) {
    const reach = rule.roles[m.role];
    if (reach === undefined) continue;
    if (m.organizationId && reach !== "contact_point") grants.organizationIds.push(m.organizationId);
    if (m.contactPointId && reach !== "subtree") grants.contactPointIds.push(m.contactPointId);
  }
  return grants;
}
