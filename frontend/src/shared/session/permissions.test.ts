import { describe, expect, it } from "vitest";
import type { Me } from "./me";
import { canSeeAdmin, hasRoundtablePermission } from "./permissions";

describe("permissions from /me", () => {
  const me = (overrides: Partial<Me>) =>
    ({ is_platform_admin: false, platform_permissions: [], roundtables: [], ...overrides }) as Me;
  it("offers Admin only with platform permissions", () => {
    expect(canSeeAdmin(me({}))).toBe(false);
    expect(canSeeAdmin(me({ platform_permissions: ["users:manage"] }))).toBe(true);
    expect(canSeeAdmin(me({ is_platform_admin: true }))).toBe(true);
    expect(canSeeAdmin(undefined)).toBe(false);
  });
  it("reads per-roundtable permissions", () => {
    const m = me({
      roundtables: [
        {
          roundtable_id: "r1",
          title: "",
          title_en: null,
          roles: ["member"],
          permissions: ["minutes:comment"],
          seats: [],
        },
      ],
    });
    expect(hasRoundtablePermission(m, "r1", "minutes:comment")).toBe(true);
    expect(hasRoundtablePermission(m, "r1", "minutes:approve")).toBe(false);
    expect(hasRoundtablePermission(m, "r2", "minutes:comment")).toBe(false);
  });
});
