import { describe, expect, it } from "vitest";
import { readSearchState, searchHref, searchParamsOf, withFilter, withoutFilter } from "~/search/search-state";

const DRAFT = "3f2b8c1e-0c4d-4e5f-9a6b-7c8d9e0f1a2b";

describe("the officer search page's address", () => {
  it("reads back exactly the state it wrote: query, repeated filters, dates, sort and page", () => {
    const state = readSearchState(new URLSearchParams(`q=个人信息 第128条&draft=${DRAFT}&channel=letter&channel=phone&from=2026-11-01&to=2026-11-30&sort=newest&page=3`));
    expect(state).toEqual({
      q: "个人信息 第128条", filters: { draftId: [DRAFT], channel: ["letter", "phone"] }, dateFrom: "2026-11-01", dateTo: "2026-11-30", sort: "newest", page: 3,
    });
    expect(readSearchState(searchParamsOf(state))).toEqual(state);
  });

  it("drops what cannot be valid instead of refusing the link", () => {
    const state = readSearchState(new URLSearchParams("draft=not-a-uuid&channel=telepathy&channel=letter&from=2026-02-30&sort=random&page=-2"));
    expect(state).toEqual({ q: "", filters: { channel: ["letter"] }, dateFrom: null, dateTo: null, sort: null, page: 1 });
  });

  it("puts swapped dates in order and caps deep pages", () => {
    expect(readSearchState(new URLSearchParams("from=2026-12-01&to=2026-11-01&page=99999"))).toMatchObject({ dateFrom: "2026-11-01", dateTo: "2026-12-01", page: 500 });
  });

  it("adds and removes one filter value, back to page 1", () => {
    const state = readSearchState(new URLSearchParams("channel=letter&page=4"));
    const more = withFilter(state, "category", "lawyer");
    expect(searchHref("/officer/search", more)).toBe("/officer/search?channel=letter&category=lawyer");
    expect(searchHref("/officer/search", withoutFilter(more, "channel", "letter"))).toBe("/officer/search?category=lawyer");
  });
});
