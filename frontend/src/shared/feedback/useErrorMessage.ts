import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/problem";

/**
 * The text to show for an error, in the user's language where we can: a problem's `code` with a
 * label under `problems.<code>` is shown in the UI language; otherwise the problem's own `detail`
 * (the API writes it in English), and failing that a message for its status.
 */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t("errors.network");
      if (error.status === 429 && error.retryAfter !== null)
        return t("errors.tooManyRequests", { seconds: error.retryAfter });
      if (i18n.exists(`problems.${error.code}`)) return t(`problems.${error.code}`);
      if (error.status === 412) return t("feedback.conflict.body");
      if (error.detail) return error.detail;
      if (error.status === 404) return t("errors.notFound");
      if (error.status === 403) return t("errors.forbidden");
      if (error.status >= 500) return t("errors.server");
    }
    return t("errors.unknown");
  };
}
