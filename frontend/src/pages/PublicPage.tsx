import { SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../shared/layout/LoadMore";
import { PageTitle } from "../shared/layout/PageTitle";
import { QueryState } from "../shared/feedback/QueryState";
import { useRoundtables } from "../features/roundtables/api";
import { RoundtableCard } from "../features/roundtables/RoundtableCard";

/** Government transparency: the published roundtables, for anyone, without signing in. */
export default function PublicPage() {
  const { t } = useTranslation();
  const list = useRoundtables({ visibility: "public" });
  return (
    <>
      <PageTitle>{t("public.title")}</PageTitle>
      <Text mb="md" c="dimmed">
        {t("public.intro")}
      </Text>
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("public.empty")}
      >
        {(items) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {items.map((roundtable) => (
                <RoundtableCard
                  key={roundtable.id}
                  roundtable={roundtable}
                  to={`/public/roundtables/${roundtable.id}`}
                  showRoles={false}
                />
              ))}
            </SimpleGrid>
            <LoadMore {...list} />
          </>
        )}
      </QueryState>
    </>
  );
}
