import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { Textarea } from "../../shared/inputs";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { useDraft } from "../../shared/drafts";
import { ConfirmButton } from "../../shared/feedback/ConfirmButton";
import { MutationError } from "../../shared/feedback/MutationError";
import { ConflictNotice } from "../../shared/feedback/MutationError";
import { isConflict } from "../../api/useVersionedMutation";
import { LoadMore } from "../../shared/layout/LoadMore";
import { Loading, QueryState } from "../../shared/feedback/QueryState";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { formatDateTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import type { Meeting } from "../../shared/lookups";
import {
  useAddComment,
  useMeetingMinutes,
  useMinutesComments,
  useMinutesDiff,
  useMinutesMutations,
  useMinutesRevision,
  type Minutes,
  type MinutesComment,
} from "./api";
import { lastLine } from "../../shared/diff";
import { MinutesDiff } from "./MinutesDiff";
import { queryKeys } from "../../api/queryKeys";
import { Markdown } from "../../shared/markdown";
import classes from "./minutes.module.css";
import { splitParagraphs } from "./paragraphs";

/** The text as paragraphs (as the API numbers them), optionally clickable to comment on one. */
export function MinutesText({
  body,
  onPick,
  selected,
  counts,
}: {
  body: string;
  onPick?: (paragraph: number) => void;
  selected?: number | null;
  counts?: Map<number, number>;
}) {
  const { t } = useTranslation();
  const paragraphs = splitParagraphs(body);
  if (paragraphs.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("minutesPage.emptyText")}
      </Text>
    );
  return (
    <div className={classes.paper} dir="auto">
      {paragraphs.map((paragraph, index) => (
        <div
          key={index}
          className={classes.paragraph}
          data-commentable={onPick ? true : undefined}
          data-selected={selected === index || undefined}
          data-testid="minutes-paragraph"
          onClick={onPick ? () => onPick(index) : undefined}
        >
          <Markdown source={paragraph} headings="absolute" />
          {(onPick || (counts?.get(index) ?? 0) > 0) && (
            <Group gap={6} justify="flex-end">
              {(counts?.get(index) ?? 0) > 0 && (
                <Badge size="xs" variant="light" color="yellow">
                  {t("minutesPage.comments.count", { count: counts?.get(index) ?? 0 })}
                </Badge>
              )}
              {onPick && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={(event) => {
                    event.stopPropagation();
                    onPick(index);
                  }}
                  aria-label={t("minutesPage.comments.onParagraph", { n: index + 1 })}
                >
                  {t("minutesPage.comments.comment")}
                </Button>
              )}
            </Group>
          )}
        </div>
      ))}
    </div>
  );
}

/** The draft's editor: markdown on one side, a live preview on the other; saves with If-Match. */
export function MinutesEditor({
  minutes,
  meetingId,
  actions,
}: {
  minutes: Minutes;
  meetingId: string;
  /** More buttons beside Save (e.g. Circulate), told whether there are unsaved changes. */
  actions?: (dirty: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { save } = useMinutesMutations(meetingId);
  const [text, setText, forgetDraft] = useDraft(
    `minutes:${minutes.id}`,
    minutes.shown_revision.body,
  );
  const [theirs, setTheirs] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const previewId = useId();
  const stale = isConflict(save.error);
  const dirty = text !== minutes.shown_revision.body;

  const reload = async () => {
    setReloading(true);
    setReloadError(null);
    await queryClient.refetchQueries({
      queryKey: queryKeys.meetings.minutes(meetingId),
      exact: true,
    });
    const state = queryClient.getQueryState<Minutes | null>(queryKeys.meetings.minutes(meetingId));
    setReloading(false);
    if (state?.status === "error" || !state?.data) {
      setReloadError(state?.error ?? null);
      return;
    }
    // Their text is shown beside ours; ours stays in the editor, so nothing is lost.
    setTheirs(state.data.shown_revision.body);
    save.reset();
  };

  return (
    <Stack gap="sm">
      {stale && <ConflictNotice onReload={() => void reload()} reloading={reloading} />}
      {reloadError != null && <ErrorAlert error={reloadError} />}
      {save.error != null && !stale && <ErrorAlert error={save.error} />}
      {theirs != null && (
        <Card withBorder padding="sm" bg="gray.0">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t("minutesPage.conflict.theirs")}
            </Text>
            <Group gap="xs">
              <Button size="compact-xs" variant="default" onClick={() => setText(theirs)}>
                {t("minutesPage.conflict.useTheirs")}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setTheirs(null)}>
                {t("minutesPage.conflict.hide")}
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed" mb={4}>
            {t("minutesPage.conflict.theirsHint")}
          </Text>
          <Text
            size="sm"
            component="pre"
            dir="auto"
            style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}
            data-testid="their-text"
          >
            {theirs}
          </Text>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Textarea
          label={t("minutesPage.editor.label")}
          description={t("minutesPage.editor.hint")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={12}
          maxRows={40}
          dir="auto"
        />
        <section aria-labelledby={previewId}>
          <Text fw={600} size="sm" id={previewId} mb={4}>
            {t("minutesPage.editor.preview")}
          </Text>
          <Card withBorder padding="sm" data-testid="minutes-preview">
            <MinutesText body={text} />
          </Card>
        </section>
      </SimpleGrid>
      <Group>
        <Button
          onClick={() => save.mutate({ minutes, body: text }, { onSuccess: forgetDraft })}
          loading={save.isPending}
          disabled={!dirty}
        >
          {t("minutesPage.editor.save")}
        </Button>
        {actions?.(dirty)}
        <Text size="sm" c="dimmed" role="status">
          {dirty
            ? t("minutesPage.editor.unsaved")
            : save.isSuccess
              ? t("minutesPage.editor.saved")
              : ""}
        </Text>
      </Group>
    </Stack>
  );
}

function Comments({
  minutes,
  meeting,
  canComment,
  paragraph,
  setParagraph,
  inputRef,
}: {
  minutes: Minutes;
  meeting: Meeting;
  canComment: boolean;
  paragraph: number | null;
  setParagraph: (p: number | null) => void;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const comments = useMinutesComments(minutes.id);
  const add = useAddComment(minutes.id);
  const [body, setBody, forgetDraft] = useDraft(`comment:${minutes.id}`, "");
  return (
    <section aria-labelledby="minutes-comments">
      <Title order={3} size="h5" id="minutes-comments" mb="xs">
        {t("minutesPage.comments.title")}
      </Title>
      <Stack gap="sm">
        <QueryState
          query={{ ...comments, data: comments.data ? comments.items : undefined }}
          isEmpty={(items) => items.length === 0}
          empty={t("minutesPage.comments.empty")}
        >
          {(items: MinutesComment[]) => (
            <>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
                {items.map((c) => (
                  <Card key={c.id} withBorder padding="xs" component="li">
                    <Group gap="xs" mb={2}>
                      <Badge
                        size="sm"
                        variant="light"
                        color={c.paragraph == null ? "gray" : "yellow"}
                      >
                        {c.paragraph == null
                          ? t("minutesPage.comments.general")
                          : t("minutesPage.comments.paragraph", { n: c.paragraph + 1 })}
                      </Badge>
                      {c.author_user_id && c.author_user_id === me.data?.id && (
                        <Badge size="sm" variant="outline">
                          {t("minutesPage.comments.you")}
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(c.created_at, meeting.timezone, lang)} ·{" "}
                        {t("minutesPage.revisionN", { n: c.revision })}
                      </Text>
                    </Group>
                    <Text size="sm" dir="auto" style={{ whiteSpace: "pre-line" }}>
                      {c.body}
                    </Text>
                  </Card>
                ))}
              </Stack>
              <LoadMore {...comments} />
            </>
          )}
        </QueryState>
        {canComment && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!body.trim()) return;
              add.mutate(
                { body: body.trim(), paragraph },
                {
                  onSuccess: () => {
                    setBody("");
                    forgetDraft();
                    setParagraph(null);
                  },
                },
              );
            }}
          >
            <Stack gap="xs">
              <Textarea
                ref={inputRef}
                label={
                  paragraph == null
                    ? t("minutesPage.comments.newGeneral")
                    : t("minutesPage.comments.newOn", { n: paragraph + 1 })
                }
                description={t("minutesPage.comments.pickHint")}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={10000}
              />
              {add.error && <ErrorAlert error={add.error} />}
              <Group gap="xs">
                <Button type="submit" disabled={!body.trim()} loading={add.isPending}>
                  {t("minutesPage.comments.send")}
                </Button>
                {paragraph != null && (
                  <Button variant="subtle" onClick={() => setParagraph(null)}>
                    {t("minutesPage.comments.wholeText")}
                  </Button>
                )}
                {add.isSuccess && (
                  <Text size="sm" role="status">
                    {t("minutesPage.comments.sent")}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </section>
  );
}

function History({ minutes, meeting }: { minutes: Minutes; meeting: Meeting }) {
  const { t } = useTranslation();
  const lang = useLang();
  const numbers = minutes.revisions.map((r) => r.number).sort((a, b) => a - b);
  // The newest two revisions, until the reader picks others (a new revision resets nothing picked).
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const from = picked.from ?? (numbers.length > 1 ? numbers[numbers.length - 2] : null);
  const to = picked.to ?? (numbers.length > 1 ? numbers[numbers.length - 1] : null);
  const setFrom = (n: number | null) => setPicked((p) => ({ ...p, from: n ?? undefined }));
  const setTo = (n: number | null) => setPicked((p) => ({ ...p, to: n ?? undefined }));
  const diff = useMinutesDiff(minutes.id, minutes.version, from, to);
  const fromRevision = useMinutesRevision(minutes.id, minutes.version, from !== to ? from : null);
  const options = numbers.map((n) => ({
    value: String(n),
    label: t("minutesPage.revisionN", { n }),
  }));
  const when = (iso: string | null | undefined) =>
    iso ? formatDateTime(iso, meeting.timezone, lang) : "—";
  return (
    <section aria-labelledby="minutes-history">
      <Title order={3} size="h5" id="minutes-history" mb="xs">
        {t("minutesPage.history.title")}
      </Title>
      <ScrollTable label={t("minutesPage.history.title")} minWidth={620}>
        <Table verticalSpacing={4} striped>
          <Table.Caption>{t("minutesPage.history.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("minutesPage.history.revision")}</Table.Th>
              <Table.Th scope="col">{t("minutesPage.history.status")}</Table.Th>
              <Table.Th scope="col">{t("minutesPage.history.created")}</Table.Th>
              <Table.Th scope="col">{t("minutesPage.history.circulated")}</Table.Th>
              <Table.Th scope="col">{t("minutesPage.history.approved")}</Table.Th>
              <Table.Th scope="col">{t("minutesPage.history.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {minutes.revisions.map((r) => (
              <Table.Tr key={r.number}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>
                  <EnumBadge name="MinutesStatus" value={r.status} />
                </Table.Td>
                <Table.Td>{when(r.created_at)}</Table.Td>
                <Table.Td>{when(r.circulated_at)}</Table.Td>
                <Table.Td>{when(r.approved_at)}</Table.Td>
                <Table.Td dir="auto">{r.reason ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {numbers.length > 1 && (
        <Stack gap="xs" mt="sm">
          <Group gap="sm" align="flex-end">
            <Select
              label={t("minutesPage.diff.from")}
              data={options}
              value={from == null ? null : String(from)}
              onChange={(v) => setFrom(v ? Number(v) : null)}
              w={180}
            />
            <Select
              label={t("minutesPage.diff.to")}
              data={options}
              value={to == null ? null : String(to)}
              onChange={(v) => setTo(v ? Number(v) : null)}
              w={180}
            />
          </Group>
          {from === to ? (
            <Text size="sm" c="dimmed">
              {t("minutesPage.diff.pickTwo")}
            </Text>
          ) : (
            <QueryState query={diff}>
              {(d) => (
                <MinutesDiff
                  diff={d.diff}
                  from={d.from_number}
                  to={d.to_number}
                  oldLastLine={fromRevision.data ? lastLine(fromRevision.data.body) : undefined}
                />
              )}
            </QueryState>
          )}
        </Stack>
      )}
    </section>
  );
}

function CorrectionButton({ minutes, meetingId }: { minutes: Minutes; meetingId: string }) {
  const { t } = useTranslation();
  const { correct } = useMinutesMutations(meetingId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t("minutesPage.actions.correct")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("minutesPage.correction.title")}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim())
              correct.mutate(
                { minutes, reason: reason.trim() },
                { onSuccess: () => setOpen(false) },
              );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t("minutesPage.correction.body")}</Text>
            <Textarea
              label={t("minutesPage.correction.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maxLength={500}
              data-autofocus
            />
            <MutationError error={correct.error} />
            <Group justify="flex-end">
              <Button type="submit" disabled={!reason.trim()} loading={correct.isPending}>
                {t("minutesPage.correction.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The meeting's minutes: draft editor, circulation with comments, approval, lock, corrections. */
/** What the caller may do with the minutes (the meeting page derives it from my_permissions). */
export interface MinutesAbilities {
  writeMinutes: boolean;
  commentMinutes: boolean;
  approveMinutes: boolean;
}

export function MinutesSection({ meeting, can }: { meeting: Meeting; can: MinutesAbilities }) {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useMeetingMinutes(meeting.id);
  const mutations = useMinutesMutations(meeting.id);
  const [paragraph, setParagraph] = useState<number | null>(null);
  const commentInput = useRef<HTMLTextAreaElement | null>(null);
  const comments = useMinutesComments(query.data?.id ?? "", !!query.data);

  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const minutes = query.data;

  if (!minutes) {
    const canStart = can.writeMinutes && meeting.status !== "cancelled";
    return (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("minutesPage.none")}
        </Text>
        {canStart && (
          <Group>
            <Button
              onClick={() => mutations.create.mutate("")}
              loading={mutations.create.isPending}
            >
              {t("minutesPage.start")}
            </Button>
          </Group>
        )}
        {mutations.create.error && <ErrorAlert error={mutations.create.error} />}
      </Stack>
    );
  }

  const shown = minutes.shown_revision;
  const status = minutes.status;
  const editing = status === "draft" && can.writeMinutes && shown.status === "draft";
  const canComment = status === "circulated" && can.commentMinutes;
  const counts = new Map<number, number>();
  for (const c of comments.items)
    if (c.paragraph != null && c.revision === minutes.revision)
      counts.set(c.paragraph, (counts.get(c.paragraph) ?? 0) + 1);
  const transitionError = mutations.transition.error ?? mutations.correct.error;
  const stale = isConflict(transitionError);
  const run = (target: "circulated" | "approved" | "locked" | "draft", done?: () => void) =>
    mutations.transition.mutate({ minutes, status: target }, { onSuccess: done });

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <EnumBadge name="MinutesStatus" value={shown.status} size="lg" />
        <Text size="sm" c="dimmed">
          {t("minutesPage.revisionN", { n: shown.number })}
        </Text>
        {shown.approved_at && (
          <Text size="sm" c="dimmed">
            ·{" "}
            {t("minutesPage.approvedOn", {
              when: formatDateTime(shown.approved_at, meeting.timezone, lang),
            })}
          </Text>
        )}
        {status !== shown.status && (
          <Badge variant="outline" color="gray">
            {t("minutesPage.correctionInProgress")}
          </Badge>
        )}
      </Group>
      {shown.reason && (
        <Text size="sm" dir="auto">
          {t("minutesPage.correctionReason", { reason: shown.reason })}
        </Text>
      )}

      {editing ? (
        <MinutesEditor
          key={minutes.id}
          minutes={minutes}
          meetingId={meeting.id}
          actions={(dirty) => (
            <ConfirmButton
              variant="filled"
              label={t("minutesPage.actions.circulate")}
              title={t("minutesPage.confirm.circulateTitle")}
              body={t("minutesPage.confirm.circulateBody")}
              onConfirm={(close) => run("circulated", close)}
              pending={mutations.transition.isPending}
              error={transitionError}
              disabled={dirty || !shown.body.trim()}
            />
          )}
        />
      ) : (
        <Card withBorder padding="md" data-testid="minutes-text">
          <MinutesText
            body={shown.body}
            counts={counts}
            selected={canComment ? paragraph : null}
            onPick={
              canComment
                ? (p) => {
                    setParagraph(p);
                    commentInput.current?.focus();
                  }
                : undefined
            }
          />
        </Card>
      )}

      {stale ? (
        <ConflictNotice
          onReload={() => {
            mutations.transition.reset();
            mutations.correct.reset();
            void query.refetch();
          }}
        />
      ) : (
        transitionError && <ErrorAlert error={transitionError} />
      )}
      <Group gap="xs">
        {status === "circulated" && can.approveMinutes && (
          <ConfirmButton
            color="teal.9"
            label={t("minutesPage.actions.approve")}
            title={t("minutesPage.confirm.approveTitle")}
            body={t("minutesPage.confirm.approveBody")}
            onConfirm={(close) => run("approved", close)}
            pending={mutations.transition.isPending}
            error={transitionError}
          />
        )}
        {status === "circulated" && can.writeMinutes && (
          <Button variant="default" onClick={() => run("draft")}>
            {t("minutesPage.actions.backToDraft")}
          </Button>
        )}
        {status === "approved" && can.approveMinutes && (
          <ConfirmButton
            variant="default"
            label={t("minutesPage.actions.lock")}
            title={t("minutesPage.confirm.lockTitle")}
            body={t("minutesPage.confirm.lockBody")}
            onConfirm={(close) => run("locked", close)}
            pending={mutations.transition.isPending}
            error={transitionError}
          />
        )}
        {status === "approved" && can.writeMinutes && (
          <CorrectionButton minutes={minutes} meetingId={meeting.id} />
        )}
      </Group>
      {editing && (
        <Text size="xs" c="dimmed">
          {t("minutesPage.circulateHint")}
        </Text>
      )}

      {(status !== "draft" || comments.items.length > 0) && (
        <Comments
          minutes={minutes}
          meeting={meeting}
          canComment={canComment}
          paragraph={paragraph}
          setParagraph={setParagraph}
          inputRef={commentInput}
        />
      )}
      <History minutes={minutes} meeting={meeting} />
    </Stack>
  );
}
