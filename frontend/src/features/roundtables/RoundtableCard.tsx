import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { pickLang, useLang } from "../../i18n/useLang";
import type { Roundtable } from "./api";

export function RoundtableCard({
  roundtable,
  to,
  showRoles = true,
}: {
  roundtable: Roundtable;
  to: string;
  showRoles?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Anchor component={Link} to={to} fw={600}>
          {pickLang(lang, roundtable.title, roundtable.title_en)}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t("roundtable.hostedBy", {
            host: pickLang(
              lang,
              roundtable.host_organisation_name,
              roundtable.host_organisation_name_en,
            ),
          })}
        </Text>
        <Group gap="xs">
          <EnumBadge name="RoundtableStatus" value={roundtable.status} />
          <EnumBadge name="Visibility" value={roundtable.visibility} />
          {showRoles &&
            roundtable.my_roles.map((role) => (
              <EnumBadge key={role} name="Role" value={role} variant="outline" />
            ))}
        </Group>
      </Stack>
    </Card>
  );
}
