import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "./useErrorMessage";

export function ErrorAlert({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" title={title ?? t("errors.title")} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t("actions.retry")}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
