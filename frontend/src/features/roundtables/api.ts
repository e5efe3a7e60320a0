import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";

export {
  useGoals,
  useRoundtable,
  useRoundtables,
  type Goal,
  type Roundtable,
  type RoundtableFilters,
  type RoundtableStatus,
} from "../../shared/lookups";

export type Composition = components["schemas"]["Composition"];
export type SectorComposition = components["schemas"]["SectorComposition"];
export type GoalProgress = components["schemas"]["GoalProgress"];

export function useComposition(id: string) {
  return useQuery({
    queryKey: queryKeys.roundtables.composition(id),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}/composition", {
          params: { path: { roundtable_id: id } },
        }),
      ),
  });
}

export function useGoalProgress(goalIds: string[]) {
  return useQueries({
    queries: goalIds.map((goalId) => ({
      queryKey: queryKeys.goals.progress(goalId),
      queryFn: () =>
        unwrap(
          api.GET("/api/v1/goals/{goal_id}/progress", { params: { path: { goal_id: goalId } } }),
        ),
    })),
  });
}

export function usePublicSummaries(id: string) {
  return useCursorList(queryKeys.roundtables.publicSummaries(id), (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/public-summaries", {
        params: { path: { roundtable_id: id }, query: { cursor, limit: 20 } },
      }),
    ),
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
