import type { Role } from "../../db/schema/vocabulary";
import type { Locale } from "../platform/i18n/locales";

/** What the root loader gives every page: who is signed in (no secrets), the language, the request id. */
export interface RootData {
  locale: Locale;
  requestId: string;
  user: { displayName: string; username: string; roles: Role[] } | null;
}
