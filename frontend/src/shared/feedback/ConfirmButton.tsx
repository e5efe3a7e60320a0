import { Button, Group, Modal, Stack, Text, type ButtonProps } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "./MutationError";

/**
 * A button for a consequential step (mark held, circulate, approve, lock…): it opens a dialog that
 * says what happens next and who will be told, and only "confirm" sends it. `onConfirm` gets a
 * `close` to call once the change succeeded; a failure stays in the dialog.
 */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  onConfirm,
  pending,
  error,
  children,
  ...buttonProps
}: ButtonProps & {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel?: string;
  onConfirm: (close: () => void) => void;
  pending: boolean;
  error?: unknown;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button {...buttonProps} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack gap="sm">
          {typeof body === "string" ? <Text size="sm">{body}</Text> : body}
          {children}
          {opened && <MutationError error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("formKit.cancel")}
            </Button>
            <Button
              color={buttonProps.color}
              loading={pending}
              onClick={() => onConfirm(close)}
              data-autofocus
            >
              {confirmLabel ?? label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
