import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { Textarea } from "../../shared/inputs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { MutationError } from "../../shared/feedback/MutationError";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useProcessNoteMutations, useProcessNotes, type Meeting, type ProcessNote } from "./api";

function NoteCard({ note, meeting }: { note: ProcessNote; meeting: Meeting }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { update } = useProcessNoteMutations(meeting.id);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.body);
  return (
    <Card withBorder padding="sm" component="li">
      <Text size="xs" c="dimmed" mb={4}>
        {formatDateTime(note.updated_at, meeting.timezone, lang)}
      </Text>
      {editing ? (
        <Stack gap="xs">
          <Textarea
            label={t("meetingPage.notes.body")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <MutationError error={update.error} />
          <Group gap="xs">
            <Button
              size="xs"
              loading={update.isPending}
              disabled={!text.trim()}
              onClick={() =>
                update.mutate({ note, body: text }, { onSuccess: () => setEditing(false) })
              }
            >
              {t("meetingPage.save")}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setText(note.body);
                setEditing(false);
                update.reset();
              }}
            >
              {t("meetingPage.cancel")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" style={{ whiteSpace: "pre-line" }} dir="auto">
            {note.body}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setText(note.body);
              setEditing(true);
            }}
          >
            {t("meetingPage.edit")}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** The facilitator's private process journal for this meeting (never rendered for anyone else). */
export function ProcessNotes({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const notes = useProcessNotes(meeting.id);
  const { create } = useProcessNoteMutations(meeting.id);
  const [text, setText] = useState("");
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("meetingPage.notes.private")}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) create.mutate(text, { onSuccess: () => setText("") });
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t("meetingPage.notes.new")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={50000}
          />
          {create.error && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" disabled={!text.trim()} loading={create.isPending}>
              {t("meetingPage.notes.add")}
            </Button>
          </Group>
        </Stack>
      </form>
      <QueryState
        query={{ ...notes, data: notes.data ? notes.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("meetingPage.notes.empty")}
      >
        {(items) => (
          <>
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
              {items.map((note) => (
                <NoteCard key={`${note.id}:${note.version}`} note={note} meeting={meeting} />
              ))}
            </Stack>
            <LoadMore {...notes} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
