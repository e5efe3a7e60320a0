import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isConflict } from "../../api/useVersionedMutation";
import { ErrorAlert } from "./ErrorAlert";

/**
 * What a 412 looks like on every screen: someone else changed the object meanwhile, the latest has
 * been loaded (useVersionedMutation re-reads it), and the user's input is kept to check and send
 * again. `children` may add what a screen can offer more (e.g. the other person's text).
 */
export function ConflictNotice({
  onReload,
  reloading,
  children,
}: {
  onReload?: () => void;
  reloading?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t("feedback.conflict.title")}>
      <Stack gap="xs">
        <Text size="sm">{t("feedback.conflict.body")}</Text>
        {children}
        {onReload && (
          <Group>
            <Button size="xs" variant="default" onClick={onReload} loading={reloading}>
              {t("feedback.conflict.reload")}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The error of a change: a 412 shows the conflict notice, anything else the problem's message. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  if (isConflict(error)) return <ConflictNotice />;
  return <ErrorAlert error={error} />;
}
