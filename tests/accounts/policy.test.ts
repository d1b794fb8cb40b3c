import { describe, expect, it } from "vitest";
import { ACTIONS, can, grantsFor, type Action, type Membership, type Principal, type Scope } from "~/accounts/policy";

// national N → province P → city C → counties A and B; contact points a1, a2 under A and b1 under B.
const N = "n", P = "p", C = "c", A = "a", B = "b";
const scopes = {
  ownCP: { organizationPath: [N, P, C, A], contactPointId: "a1" },
  siblingCP: { organizationPath: [N, P, C, A], contactPointId: "a2" },
  otherCP: { organizationPath: [N, P, C, B], contactPointId: "b1" },
  ownOrg: { organizationPath: [N, P, C, A] },
  parentOrg: { organizationPath: [N, P, C] },
  grandparentOrg: { organizationPath: [N, P] },
} satisfies Record<string, Scope>;
type ScopeName = keyof typeof scopes | "none";

function principal(...memberships: Omit<Membership, "id" | "scopeName">[]): Principal {
  return { id: "u", username: "u", displayName: "u", locale: "zh-CN", memberships: memberships.map((m, i) => ({ ...m, id: String(i), scopeName: "x" })) };
}
const users = {
  public: null,
  staff: principal({ role: "contact_point_staff", organizationId: null, contactPointId: "a1", scopePath: [N, P, C, A] }),
  countyOfficer: principal({ role: "officer", organizationId: A, contactPointId: null, scopePath: [N, P, C, A] }),
  cityOfficer: principal({ role: "officer", organizationId: C, contactPointId: null, scopePath: [N, P, C] }),
  cityAdmin: principal({ role: "admin", organizationId: C, contactPointId: null, scopePath: [N, P, C] }),
};
type UserName = keyof typeof users;

// role × action × scope → expected. Every row is asserted.
const table: [UserName, Action, ScopeName, boolean][] = [
  // The public: reading, commenting and receipts only.
  ["public", "draft.read", "none", true],
  ["public", "comment.submit", "none", true],
  ["public", "receipt.view", "none", true],
  ["public", "comment.read", "ownCP", false],
  ["public", "area.staff", "none", false],
  ["public", "area.officer", "none", false],
  ["public", "area.admin", "none", false],
  ["public", "personal_data.reveal", "ownCP", false],
  ["public", "account.manage", "parentOrg", false],
  // Contact-point staff: their own contact point and nothing else.
  ["staff", "area.staff", "none", true],
  ["staff", "area.officer", "none", false],
  ["staff", "area.admin", "none", false],
  ["staff", "comment.enter", "ownCP", true],
  ["staff", "comment.enter", "siblingCP", false],
  ["staff", "comment.enter", "otherCP", false],
  ["staff", "comment.enter", "parentOrg", false],
  ["staff", "comment.read", "ownCP", true],
  ["staff", "comment.read", "otherCP", false],
  ["staff", "comment.read", "ownOrg", false],
  ["staff", "comment.moderate", "ownCP", false],
  ["staff", "personal_data.reveal", "ownCP", true],
  ["staff", "personal_data.reveal", "otherCP", false],
  ["staff", "symposium.manage", "ownCP", true],
  ["staff", "symposium.manage", "otherCP", false],
  ["staff", "opinion.manage", "ownCP", true],
  ["staff", "submission.send", "ownCP", true],
  ["staff", "submission.send", "otherCP", false],
  ["staff", "submission.receive", "parentOrg", false],
  ["staff", "draft.manage", "parentOrg", false],
  ["staff", "adoption.record", "parentOrg", false],
  ["staff", "account.manage", "ownCP", false],
  ["staff", "organization.manage", "ownOrg", false],
  // A county officer: the county's subtree (its contact points), not siblings or parents.
  ["countyOfficer", "area.officer", "none", true],
  ["countyOfficer", "area.staff", "none", false],
  ["countyOfficer", "comment.read", "ownCP", true],
  ["countyOfficer", "comment.read", "siblingCP", true],
  ["countyOfficer", "comment.read", "otherCP", false],
  ["countyOfficer", "comment.read", "parentOrg", false],
  ["countyOfficer", "comment.moderate", "ownCP", true],
  ["countyOfficer", "comment.moderate", "otherCP", false],
  ["countyOfficer", "personal_data.reveal", "ownCP", true],
  ["countyOfficer", "personal_data.reveal", "otherCP", false],
  ["countyOfficer", "draft.manage", "ownOrg", true],
  ["countyOfficer", "draft.manage", "parentOrg", false],
  ["countyOfficer", "submission.receive", "ownOrg", true],
  ["countyOfficer", "submission.receive", "parentOrg", false],
  ["countyOfficer", "adoption.record", "ownOrg", true],
  ["countyOfficer", "account.manage", "ownOrg", false],
  ["countyOfficer", "organization.manage", "ownOrg", false],
  // A city officer reaches every county and contact point below the city, not the province.
  ["cityOfficer", "comment.read", "ownCP", true],
  ["cityOfficer", "comment.read", "otherCP", true],
  ["cityOfficer", "comment.read", "parentOrg", true],
  ["cityOfficer", "comment.read", "grandparentOrg", false],
  ["cityOfficer", "draft.manage", "parentOrg", true],
  ["cityOfficer", "draft.manage", "grandparentOrg", false],
  ["cityOfficer", "consultation.manage", "parentOrg", true],
  ["cityOfficer", "account.manage", "parentOrg", false],
  // A city administrator manages organisations and accounts below the city, and reads no comments.
  ["cityAdmin", "area.admin", "none", true],
  ["cityAdmin", "area.officer", "none", false],
  ["cityAdmin", "account.manage", "ownCP", true],
  ["cityAdmin", "account.manage", "otherCP", true],
  ["cityAdmin", "account.manage", "parentOrg", true],
  ["cityAdmin", "account.manage", "grandparentOrg", false],
  ["cityAdmin", "organization.manage", "ownOrg", true],
  ["cityAdmin", "organization.manage", "grandparentOrg", false],
  ["cityAdmin", "audit.read", "parentOrg", true],
  ["cityAdmin", "comment.read", "ownCP", false],
  ["cityAdmin", "personal_data.reveal", "ownCP", false],
  ["cityAdmin", "draft.manage", "parentOrg", false],
];

describe("access policy", () => {
  it.each(table)("%s may %s in %s: %s", (user, action, scope, expected) => {
    expect(can(users[user], action, scope === "none" ? undefined : scopes[scope])).toBe(expected);
  });

  it("denies every scoped action when no scope is given", () => {
    const scoped = ACTIONS.filter((a) => !a.startsWith("area.") && !["draft.read", "comment.submit", "receipt.view"].includes(a));
    for (const action of scoped) {
      for (const user of Object.values(users)) expect(can(user, action), action).toBe(false);
    }
  });

  it("lists where an action is granted, for filtering lists", () => {
    expect(grantsFor(users.staff, "comment.read")).toEqual({ organizationIds: [], contactPointIds: ["a1"] });
    expect(grantsFor(users.cityOfficer, "comment.read")).toEqual({ organizationIds: [C], contactPointIds: [] });
    expect(grantsFor(users.cityAdmin, "comment.read")).toEqual({ organizationIds: [], contactPointIds: [] });
    expect(grantsFor(null, "comment.read")).toEqual({ organizationIds: [], contactPointIds: [] });
  });

  it("combines several roles of one person", () => {
    const both = principal(
      { role: "contact_point_staff", organizationId: null, contactPointId: "b1", scopePath: [N, P, C, B] },
      { role: "officer", organizationId: A, contactPointId: null, scopePath: [N, P, C, A] },
    );
    expect(can(both, "comment.read", scopes.otherCP)).toBe(true);
    expect(can(both, "comment.read", scopes.ownCP)).toBe(true);
    expect(can(both, "comment.moderate", scopes.otherCP)).toBe(false);
  });
});
