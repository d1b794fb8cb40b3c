/** The demo accounts' passwords in the e2e run (the real demo prints random ones). */
export const E2E_PASSWORDS = { admin: "admin-pass-2026", officer: "officer-pass-2026", staff: "staff-pass-2026" } as const;
