/** Staff accounts, their roles (scoped to an organisation or a contact point) and sign-in sessions. */
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { role } from "./enums";
import { contactPoints, organizations } from "./organizations";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Sign-in name, stored lower-cased. */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale").notNull().default("zh-CN"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_idx").on(t.username)],
);

/**
 * A role held by a user, scoped either to an organisation (officer, admin) or to a contact point
 * (contact_point_staff). Exactly one scope is set.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("memberships_user_idx").on(t.userId),
    unique("memberships_unique").on(t.userId, t.role, t.organizationId, t.contactPointId).nullsNotDistinct(),
    check("memberships_one_scope", sql`(${t.organizationId} is null) <> (${t.contactPointId} is null)`),
    check(
      "memberships_scope_fits_role",
      sql`(${t.role} = 'contact_point_staff') = (${t.contactPointId} is not null)`,
    ),
  ],
);

/** Server-side sessions: the cookie holds only the id, so signing out or disabling a user ends them. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
