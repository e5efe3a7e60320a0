import { describe, expect, it } from "vitest";
import type { Me } from "../shared/session/me";
import { canSeeAdmin, hasRoundtablePermission } from "../shared/session/permissions";
import { myInvitation, type Invitation } from "./meetings/api";
import { goalProgressPercent, type GoalProgress } from "./roundtables/api";

const invitation = (stakeholder_id: string, response: Invitation["response"]) =>
  ({ stakeholder_id, response }) as Invitation;

describe("my RSVP", () => {
  it("is the invitation of my stakeholder", () => {
    const list = [invitation("s1", "yes"), invitation("me", "maybe")];
    expect(myInvitation(list, "me")?.response).toBe("maybe");
    expect(myInvitation(list, "other")).toBeUndefined();
    expect(myInvitation(list, null)).toBeUndefined();
  });
});

describe("goal progress", () => {
  const progress = (decisions_by_status: Record<string, number>) =>
    ({ decisions_by_status }) as unknown as GoalProgress;
  it("is the share of live decisions agreed or beyond", () => {
    expect(
      goalProgressPercent(progress({ proposed: 1, agreed: 1, adopted: 1, implemented: 1 })),
    ).toBe(75);
    expect(goalProgressPercent(progress({ rejected: 2, adopted: 1 }))).toBe(100);
    expect(goalProgressPercent(progress({}))).toBeNull();
  });
});

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
