import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/problem";
import { ErrorAlert } from "./ErrorAlert";

/** 412 stale_version: someone changed the object since we read it. */
function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/**
 * The error of a change: a stale write says that the latest version was loaded (the caller
 * re-reads it) and asks to check and try again; anything else shows the problem's detail.
 */
export function MutationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isStale(error))
    return (
      <Alert color="yellow" role="alert" title={t("formKit.staleTitle")}>
        {t("formKit.stale")}
      </Alert>
    );
  return <ErrorAlert error={error} />;
}
