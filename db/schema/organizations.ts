/** The organisation tree (standing committees and their legislative affairs bodies) and its contact points. */
import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizationLevel } from "./enums";

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id, { onDelete: "restrict" }),
    level: organizationLevel("level").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    /** Region code (GB/T 2260 style, e.g. 310105) used for filtering and reports. */
    regionCode: text("region_code"),
    /** Materialised path of ancestor ids, root first, including this id: "<root>/<child>/<self>". */
    path: text("path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organizations_parent_idx").on(t.parentId),
    uniqueIndex("organizations_path_idx").on(t.path),
    check("organizations_name_not_blank", sql`length(btrim(${t.name})) > 0`),
  ],
);

export const contactPoints = pgTable(
  "contact_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    address: text("address"),
    regionCode: text("region_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("contact_points_org_idx").on(t.organizationId)],
);

/** 信息采集点: an optional outpost of a contact point (a village, a company, a school). */
export const collectionPoints = pgTable(
  "collection_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactPointId: uuid("contact_point_id").notNull().references(() => contactPoints.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    address: text("address"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("collection_points_cp_idx").on(t.contactPointId)],
);
