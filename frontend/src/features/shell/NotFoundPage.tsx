import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../shared/layout/PageTitle";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("notFound.title")}</PageTitle>
      <Text mb="sm">{t("notFound.text")}</Text>
      <Anchor component={Link} to="/">
        {t("notFound.home")}
      </Anchor>
    </>
  );
}
