/**
 * Reads that several features show: a roundtable's name and my permissions there, a meeting's
 * title and time, a decision's title, knowledge items for a picker. Each is defined once here, under
 * its one key in `queryKeys`, so every screen shares one cache entry per object; the feature that
 * owns the object keeps its writes (and re-exports these reads for its own screens).
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
export type Roundtable = Schemas["RoundtableRead"];
export type RoundtableStatus = Schemas["RoundtableStatus"];
export type Goal = Schemas["GoalRead"];
export type Meeting = Schemas["MeetingRead"];
export type MeetingSummary = Schemas["MeetingSummary"];
export type Decision = Schemas["DecisionRead"];
export type KnowledgeItem = Schemas["KnowledgeItemRead"];
export type KnowledgeKind = Schemas["KnowledgeKind"];

// --- roundtables ---------------------------------------------------------------------------------

export interface RoundtableFilters {
  q?: string;
  status?: RoundtableStatus;
  mine?: boolean;
  visibility?: "public" | "internal";
}

export function useRoundtables(filters: RoundtableFilters, limit = 50) {
  return useCursorList(queryKeys.roundtables.list(filters, limit), (cursor) =>
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

export function useRoundtable(id: string | null | undefined, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.roundtables.one(id ?? ""),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}", {
          params: { path: { roundtable_id: id! } },
        }),
      ),
    enabled: enabled && !!id,
  });
}

export function useGoals(roundtableId: string) {
  return useCursorList(queryKeys.roundtables.goals(roundtableId), (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/goals", {
        params: { path: { roundtable_id: roundtableId }, query: { cursor, limit: 50 } },
      }),
    ),
  );
}

// --- meetings ------------------------------------------------------------------------------------

export function useMeeting(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.meetings.one(id),
    queryFn: () =>
      unwrap(api.GET("/api/v1/meetings/{meeting_id}", { params: { path: { meeting_id: id } } })),
    enabled,
  });
}

/** A roundtable's meetings, newest first. */
export function useRoundtableMeetings(roundtableId: string) {
  return useCursorList(queryKeys.roundtables.meetings(roundtableId), (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/meetings", {
        params: {
          path: { roundtable_id: roundtableId },
          query: { sort: "-starts_at", limit: 25, cursor },
        },
      }),
    ),
  );
}

// --- decisions -----------------------------------------------------------------------------------

export function useDecision(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: queryKeys.decisions.one(id),
    queryFn: () =>
      unwrap(api.GET("/api/v1/decisions/{decision_id}", { params: { path: { decision_id: id } } })),
    enabled,
  });
}

// --- knowledge -----------------------------------------------------------------------------------

export interface KnowledgeFilters {
  roundtableId?: string;
  library?: boolean;
  kind?: KnowledgeKind;
  tag?: string;
  language?: "he" | "en";
  includeArchived?: boolean;
}

export function useKnowledgeItems(filters: KnowledgeFilters, limit = 25) {
  return useCursorList(queryKeys.knowledge.list(filters, limit), (cursor) =>
    unwrap(
      api.GET("/api/v1/knowledge-items", {
        params: {
          query: {
            roundtable_id: filters.roundtableId,
            library: filters.library || undefined,
            kind: filters.kind,
            tag: filters.tag || undefined,
            language: filters.language,
            include_archived: filters.includeArchived || undefined,
            limit,
            cursor,
          },
        },
      }),
    ),
  );
}

/** One knowledge item (for `useQuery`, or many at once with `useQueries`). */
export function knowledgeItemQuery(id: string) {
  return queryOptions({
    queryKey: queryKeys.knowledge.item(id),
    queryFn: () =>
      unwrap(api.GET("/api/v1/knowledge-items/{item_id}", { params: { path: { item_id: id } } })),
  });
}

export function useKnowledgeItem(id: string) {
  return useQuery(knowledgeItemQuery(id));
}
