/** Where a consultation stands at a given moment. Pure, so "now" is an input. */
export type WindowState =
  | { state: "none" }
  | { state: "upcoming"; opensAt: Date; closesAt: Date }
  | { state: "open"; closesAt: Date; daysLeft: number }
  | { state: "closed"; closesAt: Date };

const DAY = 24 * 60 * 60 * 1000;

export function windowState(c: { opensAt: Date; closesAt: Date } | null | undefined, now: Date): WindowState {
  if (!c) return { state: "none" };
  if (now < c.opensAt) return { state: "upcoming", opensAt: c.opensAt, closesAt: c.closesAt };
  if (now >= c.closesAt) return { state: "closed", closesAt: c.closesAt };
  return { state: "open", closesAt: c.closesAt, daysLeft: Math.max(1, Math.ceil((c.closesAt.getTime() - now.getTime()) / DAY)) };
}
