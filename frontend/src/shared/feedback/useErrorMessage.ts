import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/problem";
import { validationSummary } from "./fieldErrors";

/**
 * The text to show for an error, in the user's language: a schema error by its field and kind
 * (`fields.*`, `validation.*`), a problem by its `code` (`problems.*`, one for every code the API
 * emits — problemCodes.test.ts checks), and only failing that the problem's own `detail` (the API
 * writes it in English) or a message for its status.
 */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t("errors.network");
      if (error.status === 429 && error.retryAfter !== null)
        return t("errors.tooManyRequests", { seconds: error.retryAfter });
      const exists = (key: string) => i18n.exists(key);
      if (error.code === "validation_error") {
        const summary = validationSummary(t, exists, error);
        if (summary) return summary;
      }
      if (exists(`problems.${error.code}`)) return t(`problems.${error.code}`);
      if (error.status === 412) return t("feedback.conflict.body");
      if (error.detail) return error.detail;
      if (error.status === 404) return t("errors.notFound");
      if (error.status === 403) return t("errors.forbidden");
      if (error.status >= 500) return t("errors.server");
    }
    return t("errors.unknown");
  };
}
