import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";

export type ApiToken = components["schemas"]["ApiTokenRead"];
export type ApiTokenCreate = components["schemas"]["ApiTokenCreate"];
export type Scope = ApiTokenCreate["scopes"][number];

/** The scopes a person picks from for their scripts: reading first, then changing. */
export const READ_SCOPES: Scope[] = [
  "events:read",
  "roundtables:read",
  "meetings:read",
  "minutes:read",
  "decisions:read",
  "knowledge:read",
  "people:read",
  "search:read",
  "audit:read",
];
export const WRITE_SCOPES: Scope[] = [
  "meetings:write",
  "minutes:write",
  "decisions:write",
  "knowledge:write",
  "roundtables:write",
  "people:write",
];

export function useMyApiTokens() {
  return useCursorList(queryKeys.apiTokens.mine, (cursor) =>
    unwrap(api.GET("/api/v1/me/api-tokens", { params: { query: { cursor, limit: 100 } } })),
  );
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenCreate) => unwrap(api.POST("/api/v1/me/api-tokens", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens.mine }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      unwrap(
        api.DELETE("/api/v1/me/api-tokens/{token_id}", { params: { path: { token_id: tokenId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens.mine }),
  });
}
