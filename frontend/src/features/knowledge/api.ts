import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";

export {
  useKnowledgeItem,
  useKnowledgeItems,
  type KnowledgeFilters,
  type KnowledgeItem,
  type KnowledgeKind,
} from "../../shared/lookups";
import type { KnowledgeItem, KnowledgeKind } from "../../shared/lookups";
import { useCreateMutation } from "../../api/useCreateMutation";

export type KnowledgeItemSummary = components["schemas"]["KnowledgeItemSummary"];
export type KnowledgeItemCreate = components["schemas"]["KnowledgeItemCreate"];
export type KnowledgeItemUpdate = components["schemas"]["KnowledgeItemUpdate"];
export type KnowledgeVisibility = components["schemas"]["KnowledgeVisibility"];
export type Attachment = components["schemas"]["AttachmentRead"];
export type SearchHit = components["schemas"]["SearchHit"];
export type SearchPage = components["schemas"]["SearchPage"];
export type RevisionDiff = components["schemas"]["RevisionDiff"];

export const KNOWLEDGE_KINDS: KnowledgeKind[] = [
  "background_paper",
  "research",
  "position_paper",
  "presentation",
  "data",
  "protocol",
  "summary",
  "link",
];

export interface SearchFilters {
  q: string;
  roundtableId?: string;
  entityType?: "knowledge_item" | "decision" | "minutes" | "meeting" | "action_item";
  kind?: string;
  tag?: string;
  language?: "he" | "en";
  from?: string;
  to?: string;
}

/** Ranked full-text search (Hebrew words in all their forms, English stems) with snippets, the matched
 * forms' offsets, and for a query that found nothing, `did_you_mean` on its first page. */
export function useSearch(filters: SearchFilters, limit = 20) {
  const q = filters.q.trim();
  return useCursorList(
    queryKeys.search.results({ ...filters, q }, limit),
    (cursor) =>
      unwrap(
        api.GET("/api/v1/search", {
          params: {
            query: {
              q,
              roundtable_id: filters.roundtableId,
              entity_type: filters.entityType,
              kind: filters.kind,
              tag: filters.tag || undefined,
              language: filters.language,
              from: filters.from || undefined,
              to: filters.to || undefined,
              limit,
              cursor,
            },
          },
        }),
      ),
    { enabled: q.length > 0 },
  );
}

export function useRevisions(id: string) {
  return useCursorList(queryKeys.knowledge.revisions(id), (cursor) =>
    unwrap(
      api.GET("/api/v1/knowledge-items/{item_id}/revisions", {
        params: { path: { item_id: id }, query: { limit: 100, cursor } },
      }),
    ),
  );
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: queryKeys.knowledge.diff(id, from, to),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/knowledge-items/{item_id}/diff", {
          params: { path: { item_id: id }, query: { from: from!, to: to! } },
        }),
      ),
    enabled: from !== null && to !== null && from !== to,
    placeholderData: keepPreviousData,
  });
}

function useItemChanged() {
  const queryClient = useQueryClient();
  return (item: KnowledgeItem) => {
    queryClient.setQueryData(queryKeys.knowledge.item(item.id), item);
    void queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.lists });
    void queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.revisions(item.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.search.all });
  };
}

export function useCreateKnowledgeItem() {
  const changed = useItemChanged();
  return useCreateMutation({
    mutationFn: (body: KnowledgeItemCreate) =>
      unwrap(api.POST("/api/v1/knowledge-items", { body })),
    onSuccess: changed,
  });
}

export function useUpdateKnowledgeItem(item: Pick<KnowledgeItem, "id" | "version">) {
  const changed = useItemChanged();
  return useVersionedMutation({
    version: () => item.version,
    request: (body: KnowledgeItemUpdate, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/knowledge-items/{item_id}", {
          params: { path: { item_id: item.id }, header: ifMatch },
          body,
        }),
      ),
    keys: () => [queryKeys.knowledge.item(item.id)],
    onSuccess: changed,
  });
}

export function useArchiveKnowledgeItem(
  item: Pick<KnowledgeItem, "id" | "version" | "archived_at">,
) {
  const changed = useItemChanged();
  return useVersionedMutation({
    version: () => item.version,
    request: (_: void, ifMatch) => {
      const options = { params: { path: { item_id: item.id }, header: ifMatch } };
      return unwrap(
        item.archived_at
          ? api.POST("/api/v1/knowledge-items/{item_id}/unarchive", options)
          : api.POST("/api/v1/knowledge-items/{item_id}/archive", options),
      );
    },
    keys: () => [queryKeys.knowledge.item(item.id)],
    onSuccess: changed,
  });
}

export function useUploadAttachment(itemId: string) {
  const queryClient = useQueryClient();
  return useCreateMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST("/api/v1/knowledge-items/{item_id}/attachments", {
          params: { path: { item_id: itemId } },
          body: { file: file as unknown as string },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append("file", body.file as unknown as File, (body.file as unknown as File).name);
            return form;
          },
        }),
      ),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.item(itemId) }),
  });
}

export function useDeleteAttachment(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(
        api.DELETE("/api/v1/attachments/{attachment_id}", {
          params: { path: { attachment_id: attachmentId } },
        }),
      ),
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.item(itemId) }),
  });
}

/**
 * Download an attachment with the sign-in (the access token lives in memory, so a plain link
 * cannot carry it): fetch through the client, then hand the bytes to the browser as a file.
 */
export async function downloadAttachment(attachment: Attachment): Promise<void> {
  const blob = await unwrap(
    api.GET("/api/v1/attachments/{attachment_id}/download", {
      params: { path: { attachment_id: attachment.id } },
      parseAs: "blob",
    }),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = attachment.filename;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
