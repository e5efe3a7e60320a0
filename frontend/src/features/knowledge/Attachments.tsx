import { Alert, Button, FileInput, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { formatSize } from "./size";
import { MutationError } from "../../shared/feedback/MutationError";
import {
  downloadAttachment,
  useDeleteAttachment,
  useUploadAttachment,
  type Attachment,
} from "./api";

function AttachmentRow({
  attachment,
  canDelete,
  itemId,
}: {
  attachment: Attachment;
  canDelete: boolean;
  itemId: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = useDeleteAttachment(itemId);
  return (
    <li data-testid="attachment" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Group justify="space-between" py="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} dir="auto" truncate>
            {attachment.filename}
          </Text>
          <Text size="xs" c="dimmed">
            <span dir="ltr">{attachment.content_type}</span> ·{" "}
            <bdi>{formatSize(attachment.size_bytes, lang)}</bdi> ·{" "}
            {formatDateTime(attachment.created_at, null, lang)}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            loading={downloading}
            aria-label={t("attachments.downloadNamed", { name: attachment.filename })}
            onClick={async () => {
              setError(null);
              setDownloading(true);
              try {
                await downloadAttachment(attachment);
              } catch (caught) {
                setError(caught);
              } finally {
                setDownloading(false);
              }
            }}
          >
            {t("attachments.download")}
          </Button>
          {canDelete && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              aria-label={t("attachments.deleteNamed", { name: attachment.filename })}
              onClick={() => {
                if (window.confirm(t("attachments.confirmDelete", { name: attachment.filename })))
                  remove.mutate(attachment.id);
              }}
            >
              {t("attachments.delete")}
            </Button>
          )}
        </Group>
      </Group>
      <MutationError error={error ?? remove.error} />
    </li>
  );
}

/** Files of a knowledge item: download for readers; upload (PDF, Office, images, CSV, text) for editors. */
export function Attachments({
  itemId,
  attachments,
  canEdit,
}: {
  itemId: string;
  attachments: Attachment[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(itemId);
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("attachments.empty")}
        </Text>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {attachments.map((attachment) => (
            <AttachmentRow
              key={attachment.id}
              attachment={attachment}
              canDelete={canEdit}
              itemId={itemId}
            />
          ))}
        </Stack>
      )}
      {canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) return;
            setUploaded(null);
            upload.mutate(file, {
              onSuccess: (attachment) => {
                setUploaded(attachment.filename);
                setFile(null);
              },
            });
          }}
        >
          <Group align="flex-end" gap="sm">
            <FileInput
              label={t("attachments.file")}
              description={t("attachments.hint")}
              value={file}
              onChange={(value) => {
                setFile(value);
                upload.reset();
                setUploaded(null);
              }}
              clearable
              style={{ flex: 1, minWidth: 220 }}
              data-testid="attachment-input"
            />
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {t("attachments.upload")}
            </Button>
          </Group>
          <Stack gap="xs" mt="xs">
            <MutationError error={upload.error} />
            {uploaded && (
              <Alert color="green" role="status">
                {t("attachments.uploaded", { name: uploaded })}
              </Alert>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}
