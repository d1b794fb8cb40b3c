/** The database's own message for a refused statement (drizzle wraps it as `cause`). */
export async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message ?? String(error);
  }
  throw new Error("expected the database to refuse the statement, but it succeeded");
}
