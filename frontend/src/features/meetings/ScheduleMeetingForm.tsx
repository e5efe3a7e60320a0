import { Button, Group, Modal, Radio, Stack } from "@mantine/core";
import { TextInput, Textarea } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { DEFAULT_TIMEZONE } from "../../i18n/format";
import { useCreateMeeting, type MeetingMode } from "./api";
import { useFieldErrors } from "../../shared/feedback/fieldErrors";
import { utcToWallTime, wallTimeToUtc } from "./zonedTime";

const MODES: MeetingMode[] = ["in_person", "online", "hybrid"];

/** A week from now at 10:00–12:00, Jerusalem time: a sensible first guess to edit. */
function defaults() {
  const day = utcToWallTime(Date.now() + 7 * 86_400_000, DEFAULT_TIMEZONE).slice(0, 10);
  return { start: `${day}T10:00`, end: `${day}T12:00` };
}

interface Values {
  title: string;
  description: string;
  start: string;
  end: string;
  mode: MeetingMode;
  venue_name: string;
  venue_address: string;
  online_url: string;
}

/** Schedule a meeting (facilitators and hosts): times are wall-clock in Asia/Jerusalem. */
export function ScheduleMeetingForm({
  roundtableId,
  onDone,
}: {
  roundtableId: string;
  onDone: (meetingId: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMeeting(roundtableId);
  const [values, setValues] = useState<Values>(() => ({
    title: "",
    description: "",
    ...defaults(),
    mode: "in_person",
    venue_name: "",
    venue_address: "",
    online_url: "",
  }));
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const errors = useFieldErrors(create.error);
  const known = new Set([
    "title",
    "description",
    "starts_at",
    "ends_at",
    "mode",
    "venue_name",
    "venue_address",
    "online_url",
  ]);
  const general = create.error && !Object.keys(errors).some((f) => known.has(f));
  const needsVenue = values.mode !== "online";
  const needsUrl = values.mode !== "in_person";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = wallTimeToUtc(values.start, DEFAULT_TIMEZONE);
    const endsAt = wallTimeToUtc(values.end, DEFAULT_TIMEZONE);
    create.mutate(
      {
        title: values.title.trim(),
        description: values.description,
        // A malformed time is sent as typed: the API's 422 names the field.
        starts_at: startsAt ?? values.start,
        ends_at: endsAt ?? values.end,
        timezone: DEFAULT_TIMEZONE,
        mode: values.mode,
        venue_name: needsVenue ? values.venue_name.trim() || null : null,
        venue_address: needsVenue ? values.venue_address.trim() || null : null,
        online_url: needsUrl ? values.online_url.trim() || null : null,
      },
      { onSuccess: (meeting) => onDone(meeting.id) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && <ErrorAlert error={create.error} />}
        <TextInput
          label={t("meetingPage.schedule.title")}
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          required
          maxLength={300}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t("meetingPage.schedule.start")}
            description={t("meetingPage.schedule.zone")}
            value={values.start}
            onChange={(e) => set("start", e.currentTarget.value)}
            error={errors.starts_at}
            required
          />
          <TextInput
            type="datetime-local"
            label={t("meetingPage.schedule.end")}
            description={t("meetingPage.schedule.zone")}
            value={values.end}
            onChange={(e) => set("end", e.currentTarget.value)}
            error={errors.ends_at}
            required
          />
        </Group>
        <Radio.Group
          label={t("meetingPage.schedule.mode")}
          value={values.mode}
          onChange={(v) => set("mode", v as MeetingMode)}
          error={errors.mode}
          required
        >
          <Group gap="md" mt={4}>
            {MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t(`enums.MeetingMode.${mode}`)} />
            ))}
          </Group>
        </Radio.Group>
        {needsVenue && (
          <Group grow align="flex-start">
            <TextInput
              label={t("meetingPage.schedule.venueName")}
              value={values.venue_name}
              onChange={(e) => set("venue_name", e.currentTarget.value)}
              error={errors.venue_name}
              required
              maxLength={200}
            />
            <TextInput
              label={t("meetingPage.schedule.venueAddress")}
              value={values.venue_address}
              onChange={(e) => set("venue_address", e.currentTarget.value)}
              error={errors.venue_address}
              maxLength={300}
            />
          </Group>
        )}
        {needsUrl && (
          <TextInput
            type="url"
            dir="ltr"
            label={t("meetingPage.schedule.onlineUrl")}
            description={t("meetingPage.schedule.onlineUrlHint")}
            placeholder="https://"
            value={values.online_url}
            onChange={(e) => set("online_url", e.currentTarget.value)}
            error={errors.online_url}
            required
            maxLength={500}
          />
        )}
        <Textarea
          label={t("meetingPage.schedule.description")}
          value={values.description}
          onChange={(e) => set("description", e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("meetingPage.schedule.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The "schedule a meeting" button and its dialog; after saving, the new meeting's page opens. */
export function ScheduleMeetingButton({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)}>{t("meetingPage.schedule.open")}</Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t("meetingPage.schedule.heading")}
        size="lg"
      >
        <ScheduleMeetingForm
          roundtableId={roundtableId}
          onDone={(id) => {
            setOpened(false);
            void navigate(`/meetings/${id}`);
          }}
        />
      </Modal>
    </>
  );
}
