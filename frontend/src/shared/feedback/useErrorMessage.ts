import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/problem";

/** The text to show for an error: the problem's own `detail` when the API gave one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t("errors.network");
      if (error.status === 429 && error.retryAfter !== null)
        return t("errors.tooManyRequests", { seconds: error.retryAfter });
      if (error.detail) return error.detail;
      if (error.status === 404) return t("errors.notFound");
      if (error.status === 403) return t("errors.forbidden");
      if (error.status >= 500) return t("errors.server");
    }
    return t("errors.unknown");
  };
}
