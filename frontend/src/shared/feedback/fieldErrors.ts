import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError, type Problem } from "../../api/problem";

type FieldError = NonNullable<Problem["errors"]>[number];

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

/** One schema error in the UI language: its kind (`validation.<type>`), the API's text as fallback. */
export function validationMessage(
  t: TFunction,
  i18nExists: (key: string) => boolean,
  item: FieldError,
) {
  return i18nExists(`validation.${item.type}`)
    ? t(`validation.${item.type}`)
    : item.msg || t("validation.invalid");
}

/** A field's name as the user knows it (`fields.<name>`), or the API's name when we have no label. */
export function fieldLabel(t: TFunction, i18nExists: (key: string) => boolean, field: string) {
  return i18nExists(`fields.${field}`) ? t(`fields.${field}`) : field;
}

/** The body field a schema error is about: ["body", field, …] → field. */
function bodyField(item: FieldError): string | null {
  const [where, field] = item.loc;
  return where === "body" && typeof field === "string" ? field : null;
}

/**
 * A 422 problem as messages per body field, in the UI language: schema errors carry
 * `errors[].loc` (["body", field, …]) and a kind; the API's own checks carry a `code` we know the
 * field of. Anything else stays general.
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || error.status !== 422) return out;
  for (const item of error.problem?.errors ?? []) {
    const field = bodyField(item);
    if (field && !out[field]) out[field] = validationMessage(t, exists, item);
  }
  const field = CODE_FIELDS[error.code];
  if (field && !out[field])
    out[field] = exists(`problems.${error.code}`)
      ? t(`problems.${error.code}`)
      : (error.detail ?? error.code);
  return out;
}

/** A schema-validation problem as one line: "Title: Too short." for its first error. */
export function validationSummary(
  t: TFunction,
  i18nExists: (key: string) => boolean,
  error: ApiError,
) {
  const first = error.problem?.errors?.[0];
  if (!first) return null;
  const field =
    bodyField(first) ?? (typeof first.loc.at(-1) === "string" ? String(first.loc.at(-1)) : null);
  const message = validationMessage(t, i18nExists, first);
  return field ? `${fieldLabel(t, i18nExists, field)}: ${message}` : message;
}
