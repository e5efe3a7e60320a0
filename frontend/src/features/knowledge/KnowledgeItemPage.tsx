import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../shared/layout/Section";
import { Link, useParams } from "react-router";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { PageTitle } from "../../shared/layout/PageTitle";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDateTime } from "../../i18n/format";
import { pickLang, useLang } from "../../i18n/useLang";
import { useDecision, useMeeting, useRoundtable } from "../../shared/lookups";
import { useMe } from "../../shared/session/me";
import { MutationError } from "../../shared/feedback/MutationError";
import { useArchiveKnowledgeItem, useKnowledgeItem, type KnowledgeItem } from "./api";
import { Attachments } from "./Attachments";
import { Markdown } from "../../shared/markdown";
import { canArchiveKnowledge, canEditKnowledge } from "./permissions";
import { Revisions } from "./Revisions";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} dir="auto">
        {children}
      </Text>
    </div>
  );
}

/** A linked decision or meeting, by its title (fetched), linking where it lives. */
function LinkedObject({ type, id }: { type: string; id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const decision = useDecision(id, { enabled: type === "decision" });
  const meeting = useMeeting(id, { enabled: type === "meeting" });
  const label = t(`knowledge.linkTypes.${type}`, { defaultValue: type });
  if (type === "decision")
    return (
      <>
        {label}:{" "}
        <Anchor component={Link} to={`/decisions/${id}`} size="sm" dir="auto">
          {decision.data?.title ?? t("knowledge.linkedItem")}
        </Anchor>
      </>
    );
  if (type === "meeting" && meeting.data)
    return (
      <>
        {label}:{" "}
        <Anchor
          component={Link}
          to={`/roundtables/${meeting.data.roundtable_id}?tab=meetings`}
          size="sm"
          dir="auto"
        >
          {meeting.data.title} ·{" "}
          {formatDateTime(meeting.data.starts_at, meeting.data.timezone, lang)}
        </Anchor>
      </>
    );
  return (
    <>
      {label}: {t("knowledge.linkedItem")}
    </>
  );
}

function ItemBody({ item }: { item: KnowledgeItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const roundtableId = item.roundtable_id;
  // The item's roundtable (title, my permissions there); none for the shared library.
  const roundtable = useRoundtable(roundtableId);
  const permissions = item.roundtable_id ? (roundtable.data?.my_permissions ?? []) : [];
  const canEdit = canEditKnowledge(me.data, item, permissions);
  const canArchive = canArchiveKnowledge(me.data, item, permissions);
  const archive = useArchiveKnowledgeItem(item);

  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-start" mb="xs">
          <PageTitle mb={0} lang={item.language} dir="auto">
            {item.title}
          </PageTitle>
          <Group gap="xs">
            {canEdit && !item.archived_at && (
              <Button component={Link} to={`/knowledge/${item.id}/edit`} variant="light">
                {t("knowledge.edit")}
              </Button>
            )}
            {canArchive && (
              <Button
                variant="outline"
                color={item.archived_at ? "indigo" : "gray"}
                loading={archive.isPending}
                onClick={() => archive.mutate()}
              >
                {t(item.archived_at ? "knowledge.unarchive" : "knowledge.archive")}
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="xs">
          <EnumBadge name="KnowledgeKind" value={item.kind} />
          <EnumBadge name="KnowledgeVisibility" value={item.visibility} />
          <Badge variant="outline" color="gray">
            {t(`enums.Language.${item.language}`)}
          </Badge>
          {item.archived_at && (
            <Badge color="gray" variant="filled">
              {t("knowledge.archived")}
            </Badge>
          )}
        </Group>
        <Stack mt="xs">
          <MutationError error={archive.error} />
        </Stack>
      </div>
      {item.archived_at && (
        <Alert color="gray" role="status">
          {t("knowledge.archivedNotice", { date: formatDateTime(item.archived_at, null, lang) })}
        </Alert>
      )}
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="sm" m={0}>
          <Fact label={t("knowledge.fields.roundtable")}>
            {item.roundtable_id ? (
              <Anchor
                component={Link}
                to={`/roundtables/${item.roundtable_id}?tab=knowledge`}
                size="sm"
              >
                {roundtable.data
                  ? pickLang(lang, roundtable.data.title, roundtable.data.title_en)
                  : "…"}
              </Anchor>
            ) : (
              t("knowledge.sharedLibrary")
            )}
          </Fact>
          <Fact label={t("knowledge.fields.authors")}>
            {item.authors.length ? item.authors.join(", ") : "—"}
          </Fact>
          <Fact label={t("knowledge.fields.tags")}>
            {item.tags.length ? (
              <Group gap={4} component="span">
                {item.tags.map((tag) => (
                  <Badge
                    key={tag}
                    size="sm"
                    variant="outline"
                    color="gray"
                    component={Link}
                    to={`/knowledge?tag=${encodeURIComponent(tag)}`}
                    style={{ cursor: "pointer" }}
                  >
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              "—"
            )}
          </Fact>
          {item.url && (
            <Fact label={t("knowledge.fields.url")}>
              {/^https?:\/\//i.test(item.url) ? (
                <Anchor
                  href={item.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  size="sm"
                  dir="ltr"
                >
                  {item.url}
                </Anchor>
              ) : (
                item.url
              )}
            </Fact>
          )}
          <Fact label={t("knowledge.revision")}>{item.revision}</Fact>
          <Fact label={t("knowledge.updated")}>{formatDateTime(item.updated_at, null, lang)}</Fact>
        </SimpleGrid>
      </Card>
      {item.summary && (
        <Section title={t("knowledge.fields.summary")}>
          <Text size="sm" dir="auto" lang={item.language} style={{ whiteSpace: "pre-line" }}>
            {item.summary}
          </Text>
        </Section>
      )}
      <Section title={t("knowledge.fields.body")}>
        {item.body.trim() ? (
          <Markdown source={item.body} lang={item.language} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("knowledge.noBody")}
          </Text>
        )}
      </Section>
      {(item.links ?? []).length > 0 && (
        <Section title={t("knowledge.links")}>
          <Stack gap={4} component="ul" style={{ margin: 0, paddingInlineStart: 20 }}>
            {(item.links ?? []).map((link) => (
              <Text component="li" size="sm" key={`${link.target_type}-${link.target_id}`}>
                <LinkedObject type={link.target_type} id={link.target_id} />
              </Text>
            ))}
          </Stack>
        </Section>
      )}
      <Section title={t("attachments.title")} testId="attachments">
        <Attachments
          itemId={item.id}
          attachments={item.attachments ?? []}
          canEdit={canEdit && !item.archived_at}
        />
      </Section>
      <Section title={t("revisions.title")} testId="revisions">
        <Revisions key={item.revision} itemId={item.id} current={item.revision} />
      </Section>
    </Stack>
  );
}

export default function KnowledgeItemPage() {
  const { t } = useTranslation();
  const { itemId = "" } = useParams();
  const item = useKnowledgeItem(itemId);
  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        <Anchor component={Link} to="/knowledge" size="sm">
          {t("knowledge.title")}
        </Anchor>
        <Text size="sm" aria-current="page" dir="auto">
          {item.data?.title ?? "…"}
        </Text>
      </Breadcrumbs>
      <QueryState query={item}>{(data) => <ItemBody item={data} />}</QueryState>
    </>
  );
}
