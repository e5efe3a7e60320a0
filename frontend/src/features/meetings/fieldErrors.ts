import { ApiError } from "../../api/problem";

/** Problem codes of the API's own (non-schema) 422s, and the field each one is about. */
const CODE_FIELDS: Record<string, string> = {
  ends_before_start: "ends_at",
  venue_required: "venue_name",
  online_url_required: "online_url",
  unknown_goal: "goal_id",
  unknown_stakeholder: "presenter_stakeholder_id",
  unknown_knowledge_item: "knowledge_item_ids",
  unknown_paragraph: "paragraph",
};

/**
 * A 422 problem as messages per body field: schema errors carry `errors[].loc` (["body", field,
 * …]); the API's own checks carry a `code` we know the field of. Anything else stays general.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || error.status !== 422) return out;
  for (const item of error.problem?.errors ?? []) {
    const [where, field] = item.loc;
    if (where === "body" && typeof field === "string" && !out[field]) out[field] = item.msg;
  }
  const field = CODE_FIELDS[error.code];
  if (field && !out[field]) out[field] = error.detail ?? error.code;
  return out;
}
