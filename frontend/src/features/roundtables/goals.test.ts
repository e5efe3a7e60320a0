import { describe, expect, it } from "vitest";
import { goalProgressPercent, type GoalProgress } from "./api";

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
