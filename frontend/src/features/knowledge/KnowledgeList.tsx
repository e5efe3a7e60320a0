import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDay } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useKnowledgeItems, type KnowledgeFilters } from "./api";

/** Knowledge items (of a roundtable, or the whole library), each linking to its page. */
export function KnowledgeList({
  roundtableId,
  library,
  filters = {},
}: {
  roundtableId?: string;
  library?: boolean;
  filters?: Omit<KnowledgeFilters, "roundtableId" | "library">;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useKnowledgeItems({ roundtableId, library, ...filters });
  return (
    <QueryState
      query={{ ...list, data: list.data ? list.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={t("knowledge.empty")}
    >
      {(items) => (
        <Stack gap="xs">
          <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {items.map((item) => (
              <li key={item.id} style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
                <Stack gap={4} py="xs">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Anchor
                      component={Link}
                      to={`/knowledge/${item.id}`}
                      size="sm"
                      fw={500}
                      lang={item.language}
                      dir="auto"
                    >
                      {item.title}
                    </Anchor>
                    <Group gap={4} wrap="nowrap">
                      {item.archived_at && (
                        <Badge color="gray" variant="filled" size="sm">
                          {t("knowledge.archived")}
                        </Badge>
                      )}
                      <EnumBadge name="KnowledgeKind" value={item.kind} />
                    </Group>
                  </Group>
                  {item.summary && (
                    <Text size="xs" c="dimmed" lineClamp={2} lang={item.language} dir="auto">
                      {item.summary}
                    </Text>
                  )}
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {t(`enums.Language.${item.language}`)} ·{" "}
                      {t(`enums.KnowledgeVisibility.${item.visibility}`)} ·{" "}
                      {formatDay(item.updated_at, null, lang)}
                    </Text>
                    {item.tags.map((tag) => (
                      <Badge key={tag} size="xs" variant="outline" color="gray">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
              </li>
            ))}
          </Stack>
          <LoadMore {...list} />
        </Stack>
      )}
    </QueryState>
  );
}
