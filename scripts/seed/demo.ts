/**
 * The demo: an organisation tree (national commission → province → city → two counties, three
 * contact points), one account per role, and a real law published as a draft open for comment.
 * Runs only on an empty database.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { contactPoints, memberships, organizations } from "../../db/schema";
import { loadPrincipal } from "../../app/accounts/principal.server";
import { hashPassword } from "../../app/accounts/password.server";
import { insertUser } from "../../app/accounts/users.server";
import { insertOrganization } from "../../app/chain/organizations.server";
import { cstDate, saveConsultation } from "../../app/drafts/consultations.server";
import { createDraft, type DraftInput } from "../../app/drafts/drafts.server";
import { importVersion, publishVersion } from "../../app/drafts/versions.server";
import { readablePassword, type Credential } from "./credentials";
import { contactPointRegions, seedDemoComments } from "./demo-comments";

export const DEMO_FILES = {
  pipl: new URL("./data/中华人民共和国个人信息保护法.txt", import.meta.url),
  criminalLaw: new URL("./data/中华人民共和国刑法(2020-12-26).md", import.meta.url),
  amendment: new URL("./data/中华人民共和国刑法修正案（十二）.txt", import.meta.url),
};
const SEED_LOCK_ID = 7_202_612;
const DEMO_OPEN_DAYS = 21;

export interface DemoOptions {
  now: Date;
  /** Fixed passwords (tests); random ones otherwise. */
  passwords?: Partial<Record<"admin" | "officer" | "staff", string>>;
  /**
   * A few hundred demo comments on the open drafts. Default: only for the real demo (random
   * passwords); seeds with fixed passwords are tests, which count their own comments, and opt in.
   */
  comments?: boolean;
}

export interface DemoResult {
  credentials: Credential[];
  ids: { national: string; province: string; city: string; countyA: string; countyB: string; contactPoints: string[]; draftId: string };
}

export async function seedDemoIfEmpty(db: Db, options: DemoOptions): Promise<DemoResult | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(organizations);
    if (n > 0) return null;
    return seedDemo(tx as unknown as Db, options);
  });
}

async function seedDemo(db: Db, options: DemoOptions): Promise<DemoResult> {
  const national = await insertOrganization(db, { level: "national", name: "全国人大常委会法制工作委员会", nameEn: "Legislative Affairs Commission of the NPC Standing Committee" });
  const org = async (parentId: string, level: "provincial" | "municipal" | "county", name: string, nameEn: string, regionCode: string) => {
    const [parent] = await db.select({ path: organizations.path }).from(organizations).where(sql`${organizations.id} = ${parentId}`);
    return insertOrganization(db, { parentId, parentPath: parent!.path, level, name, nameEn, regionCode });
  };
  const province = await org(national, "provincial", "浙江省人大常委会法制工作委员会", "Zhejiang Provincial People's Congress Standing Committee, Legislative Affairs Commission", "330000");
  const city = await org(province, "municipal", "杭州市人大常委会法制工作委员会", "Hangzhou Municipal People's Congress Standing Committee, Legislative Affairs Commission", "330100");
  const countyA = await org(city, "county", "桐庐县人大常委会", "Tonglu County People's Congress Standing Committee", "330122");
  const countyB = await org(city, "county", "淳安县人大常委会", "Chun'an County People's Congress Standing Committee", "330127");
  const cps = await db
    .insert(contactPoints)
    .values([
      { organizationId: countyA, name: "桐庐县城南街道基层立法联系点", nameEn: "Chengnan Subdistrict contact point, Tonglu", address: "桐庐县城南街道社区服务中心", regionCode: "330122" },
      { organizationId: countyA, name: "桐庐县分水镇基层立法联系点", nameEn: "Fenshui Town contact point, Tonglu", address: "桐庐县分水镇人民政府", regionCode: "330122" },
      { organizationId: countyB, name: "淳安县千岛湖镇基层立法联系点", nameEn: "Qiandaohu Town contact point, Chun'an", address: "淳安县千岛湖镇社区服务中心", regionCode: "330127" },
    ])
    .returning({ id: contactPoints.id });
  const cpIds = cps.map((c) => c.id);

  const credentials: Credential[] = [];
  const account = async (key: "admin" | "officer" | "staff", displayName: string, role: "admin" | "officer" | "contact_point_staff", scope: { organizationId?: string; contactPointId?: string }, scopeName: string) => {
    const password = options.passwords?.[key] ?? readablePassword();
    const userId = await insertUser(db, { username: key, displayName, passwordHash: await hashPassword(password) });
    await db.insert(memberships).values({ userId, role, organizationId: scope.organizationId ?? null, contactPointId: scope.contactPointId ?? null });
    credentials.push({ role, username: key, password, scope: scopeName });
    return userId;
  };
  await account("admin", "系统管理员", "admin", { organizationId: national }, "全国人大常委会法制工作委员会");
  const officerId = await account("officer", "王法工", "officer", { organizationId: national }, "全国人大常委会法制工作委员会");
  await account("staff", "李联络", "contact_point_staff", { contactPointId: cpIds[0]! }, "桐庐县城南街道基层立法联系点");

  // The demo draft is published by the demo officer, through the same use cases as the UI.
  const actor = await loadPrincipal(db, officerId);
  const day = 24 * 60 * 60 * 1000;
  // Open for three weeks already, so the demo comments spread over the weeks they came in.
  const window = { opensOn: cstDate(new Date(options.now.getTime() - DEMO_OPEN_DAYS * day)), closesOn: cstDate(new Date(options.now.getTime() + 29 * day)) };
  const publish = async (draft: DraftInput, file: URL, label: string, consult: boolean) => {
    const created = await createDraft(db, actor, draft);
    if (!created.ok) throw new Error(`seed: could not create ${draft.title} (${created.error})`);
    const version = await importVersion(db, actor, { draftId: created.value.id, label, sourceText: readFileSync(file, "utf8"), sourceFileName: decodeURIComponent(path.basename(file.pathname)) });
    if (!version.ok) throw new Error(`seed: could not import ${draft.title} (${version.error})`);
    const published = await publishVersion(db, actor, version.value.id, options.now);
    if (!published.ok) throw new Error(`seed: could not publish ${draft.title} (${published.error})`);
    if (consult) {
      const consultation = await saveConsultation(db, actor, {
        versionId: version.value.id, ...window, moderation: "post", publicComments: true, contactPointIds: cpIds,
        requestText: "请各基层立法联系点广泛听取意见，于截止日期前报送。",
      });
      if (!consultation.ok) throw new Error(`seed: could not open the consultation on ${draft.title} (${consultation.error})`);
    }
    return created.value.id;
  };
  const draftId = await publish(
    { title: "中华人民共和国个人信息保护法（演示草案）", titleEn: "Personal Information Protection Law (demo draft)", slug: "personal-information-protection", kind: "law", organizationId: national },
    DEMO_FILES.pipl, "征求意见稿", true,
  );
  // The Criminal Law as it read before its 12th amendment, and that amendment as a draft: each of
  // its points shows the article as it reads now and as it would read.
  const criminalLawId = await publish(
    { title: "中华人民共和国刑法", titleEn: "Criminal Law", slug: "criminal-law", kind: "law", organizationId: national },
    DEMO_FILES.criminalLaw, "2020年12月26日修正文本", false,
  );
  const amendmentId = await publish(
    { title: "中华人民共和国刑法修正案（十二）（草案）", titleEn: "Amendment XII to the Criminal Law (draft)", slug: "criminal-law-amendment-12", kind: "amendment", organizationId: national, amendsDraftId: criminalLawId },
    DEMO_FILES.amendment, "征求意见稿", true,
  );
  if (options.comments ?? !options.passwords) {
    // Offline views come from the second and third contact points; the demo staff member's own
    // contact point starts empty (its lists are what the staff pages and their tests show).
    await seedDemoComments(db, [
      { draftId, count: 300, avoid: ["art-13", "art-20"] },
      { draftId: amendmentId, count: 60 },
    ], { now: options.now, days: DEMO_OPEN_DAYS, contactPoints: await contactPointRegions(db, cpIds.slice(1)) });
  }
  return { credentials, ids: { national, province, city, countyA, countyB, contactPoints: cpIds, draftId } };
}
