import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";

/** A roundtable's audit trail (offered only with audit:view). */
export function useRoundtableAudit(id: string, enabled: boolean) {
  return useCursorList(
    queryKeys.roundtables.audit(id),
    (cursor) =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}/audit", {
          params: { path: { roundtable_id: id }, query: { cursor, limit: 50 } },
        }),
      ),
    { enabled },
  );
}
