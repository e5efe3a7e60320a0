import { Card } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../components/PageTitle";
import { DecisionList } from "./DecisionList";

/** All decisions I may see, newest first. (The board and the decision page come later.) */
export default function DecisionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("decisions.title")}</PageTitle>
      <Card withBorder padding="md">
        <DecisionList />
      </Card>
    </>
  );
}
