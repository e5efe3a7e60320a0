import { Button, Center } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const { t } = useTranslation();
  if (!hasNextPage) return null;
  return (
    <Center mt="sm">
      <Button variant="light" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
        {t("actions.loadMore")}
      </Button>
    </Center>
  );
}
