import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type Roundtable = components["schemas"]["RoundtableRead"];
export type RoundtableStatus = components["schemas"]["RoundtableStatus"];
export type Composition = components["schemas"]["Composition"];
export type SectorComposition = components["schemas"]["SectorComposition"];
export type Goal = components["schemas"]["GoalRead"];
export type GoalProgress = components["schemas"]["GoalProgress"];

export interface RoundtableFilters {
  q?: string;
  status?: RoundtableStatus;
  mine?: boolean;
  visibility?: "public" | "internal";
}

export function useRoundtables(filters: RoundtableFilters, limit = 50) {
  return useCursorList(["roundtables", "list", filters, limit], (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables", {
        params: {
          query: {
            q: filters.q || undefined,
            status: filters.status,
            mine: filters.mine || undefined,
            visibility: filters.visibility,
            limit,
            cursor,
          },
        },
      }),
    ),
  );
}

export function useRoundtable(id: string) {
  return useQuery({
    queryKey: ["roundtables", id],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}", { params: { path: { roundtable_id: id } } }),
      ),
  });
}

export function useComposition(id: string) {
  return useQuery({
    queryKey: ["roundtables", id, "composition"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}/composition", {
          params: { path: { roundtable_id: id } },
        }),
      ),
  });
}

export function useGoals(id: string) {
  return useCursorList(["roundtables", id, "goals"], (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/goals", {
        params: { path: { roundtable_id: id }, query: { cursor, limit: 50 } },
      }),
    ),
  );
}

export function useGoalProgress(goalIds: string[]) {
  return useQueries({
    queries: goalIds.map((goalId) => ({
      queryKey: ["goals", goalId, "progress"],
      queryFn: () =>
        unwrap(
          api.GET("/api/v1/goals/{goal_id}/progress", { params: { path: { goal_id: goalId } } }),
        ),
    })),
  });
}

export function usePublicSummaries(id: string) {
  return useCursorList(["roundtables", id, "public-summaries"], (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/public-summaries", {
        params: { path: { roundtable_id: id }, query: { cursor, limit: 20 } },
      }),
    ),
  );
}

export function useRoundtableAudit(id: string, enabled: boolean) {
  return useCursorList(
    ["roundtables", id, "audit"],
    (cursor) =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}/audit", {
          params: { path: { roundtable_id: id }, query: { cursor, limit: 50 } },
        }),
      ),
    { enabled },
  );
}

/** Decisions that count as progress on a goal: agreed or beyond. */
const DONE_DECISIONS = new Set(["agreed", "adopted", "implemented"]);

/** Share (0–100) of a goal's linked decisions that were agreed, adopted or implemented. */
export function goalProgressPercent(progress: GoalProgress): number | null {
  const total = Object.entries(progress.decisions_by_status)
    .filter(([status]) => status !== "rejected" && status !== "withdrawn")
    .reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const done = Object.entries(progress.decisions_by_status)
    .filter(([status]) => DONE_DECISIONS.has(status))
    .reduce((sum, [, n]) => sum + n, 0);
  return Math.round((done / total) * 100);
}
