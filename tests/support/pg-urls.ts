/** Derive sibling database URLs from DATABASE_URL (same server, other database name). */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The maintenance database, for CREATE/DROP DATABASE. */
export function adminUrl(base: string): string {
  return databaseUrl(base, "postgres");
}
