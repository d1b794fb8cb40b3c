/**
 * Last pass over the finished tree: every article and point gets at least one paragraph (an
 * article whose label stands alone gets an empty one), and points of amendment texts get `amends`.
 */
import { detectAmendment } from "./amendment-points";
import { node } from "./tree-state";
import type { ParsedProvision } from "./types";

export function finalise(body: readonly ParsedProvision[]): void {
  const visit = (p: ParsedProvision): void => {
    if ((p.kind === "article" || p.kind === "point") && !p.children.some((c) => c.kind === "paragraph")) {
      p.children.unshift(node("paragraph", p.line, { number: 1 }));
    }
    if (p.kind === "point") {
      const first = p.children.find((c) => c.kind === "paragraph");
      const amends = first ? detectAmendment(first.text) : null;
      if (amends) p.amends = amends;
    }
    p.children.forEach(visit);
  };
  body.forEach(visit);
}
