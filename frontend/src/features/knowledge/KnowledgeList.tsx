import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../components/EnumBadge";
import { LoadMore } from "../../components/LoadMore";
import { QueryState } from "../../components/QueryState";
import { useKnowledgeItems } from "./api";

/** Knowledge items (of a roundtable, or the whole library). (Item pages come later.) */
export function KnowledgeList({
  roundtableId,
  library,
}: {
  roundtableId?: string;
  library?: boolean;
}) {
  const { t } = useTranslation();
  const list = useKnowledgeItems({ roundtableId, library });
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
                    <Text size="sm" fw={500} lang={item.language} dir="auto">
                      {item.title}
                    </Text>
                    <EnumBadge name="KnowledgeKind" value={item.kind} />
                  </Group>
                  {item.summary && (
                    <Text size="xs" c="dimmed" lineClamp={2} lang={item.language} dir="auto">
                      {item.summary}
                    </Text>
                  )}
                  {item.tags.length > 0 && (
                    <Group gap={4}>
                      {item.tags.map((tag) => (
                        <Badge key={tag} size="xs" variant="outline" color="gray">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  )}
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
