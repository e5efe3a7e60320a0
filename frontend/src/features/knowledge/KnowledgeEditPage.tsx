import { Anchor, Breadcrumbs, Card, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { PageTitle } from "../../shared/layout/PageTitle";
import { QueryState } from "../../shared/feedback/QueryState";
import { useKnowledgeItem, useUpdateKnowledgeItem, type KnowledgeItem } from "./api";
import { KnowledgeForm } from "./KnowledgeForm";

function EditForm({ item }: { item: KnowledgeItem }) {
  const navigate = useNavigate();
  const update = useUpdateKnowledgeItem(item);
  return (
    <KnowledgeForm
      item={item}
      busy={update.isPending}
      error={update.error}
      onCancel={() => navigate(`/knowledge/${item.id}`)}
      onSubmit={({ roundtable_id: _ignored, ...values }, saved) =>
        update.mutate(values, {
          onSuccess: () => {
            saved();
            navigate(`/knowledge/${item.id}`, { replace: true });
          },
        })
      }
    />
  );
}

export default function KnowledgeEditPage() {
  const { t } = useTranslation();
  const { itemId = "" } = useParams();
  const item = useKnowledgeItem(itemId);
  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        <Anchor component={Link} to="/knowledge" size="sm">
          {t("knowledge.title")}
        </Anchor>
        <Anchor component={Link} to={`/knowledge/${itemId}`} size="sm" dir="auto">
          {item.data?.title ?? "…"}
        </Anchor>
        <Text size="sm" aria-current="page">
          {t("knowledge.edit")}
        </Text>
      </Breadcrumbs>
      <PageTitle>{t("knowledge.editTitle")}</PageTitle>
      <QueryState query={item}>
        {(data) => (
          <Card withBorder padding="md">
            <EditForm item={data} />
          </Card>
        )}
      </QueryState>
    </>
  );
}
