import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "../../i18n/useLang";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { QueryState } from "../../shared/feedback/QueryState";
import { LoadMore } from "../../shared/layout/LoadMore";
import { TextInput } from "../../shared/inputs";
import { PageTitle } from "../../shared/layout/PageTitle";
import {
  READ_SCOPES,
  WRITE_SCOPES,
  useCreateApiToken,
  useMyApiTokens,
  useRevokeApiToken,
  type ApiToken,
  type Scope,
} from "./api";

/** Personal access tokens: made here for one's own scripts, shown once, revoked at once. */
export default function ApiTokensPage() {
  const { t } = useTranslation();
  const list = useMyApiTokens();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <PageTitle>{t("apiTokens.title")}</PageTitle>
      <Text c="dimmed" mb="md">
        {t("apiTokens.intro")}
      </Text>
      {shown && <NewTokenNotice token={shown} onDone={() => setShown(null)} />}
      <CreateTokenForm onCreated={setShown} />
      <Card withBorder padding="md" mt="md">
        <QueryState
          query={{ ...list, data: list.data ? list.items : undefined }}
          isEmpty={(items) => items.length === 0}
          empty={t("apiTokens.empty")}
        >
          {(items) => (
            <>
              <TokenTable tokens={items} />
              <LoadMore {...list} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}

function NewTokenNotice({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t("apiTokens.created.title")} mb="md" role="status">
      <Stack gap="xs">
        <Text size="sm">{t("apiTokens.created.body")}</Text>
        <Code block dir="ltr" data-testid="new-token">
          {token}
        </Code>
        <Group>
          <CopyButton value={token}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? t("apiTokens.created.copied") : t("apiTokens.created.copy")}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t("apiTokens.created.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["events:read"]);
  const [days, setDays] = useState<number>(90);
  const submit = () =>
    create.mutate(
      { name: name.trim(), scopes, expires_in_days: days },
      {
        onSuccess: (created) => {
          onCreated(created.token);
          setName("");
        },
      },
    );
  const scopeBoxes = (group: Scope[]) => (
    <Group gap="sm">
      {group.map((scope) => (
        <Checkbox key={scope} value={scope} label={<span dir="ltr">{scope}</span>} />
      ))}
    </Group>
  );
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <TextInput
          label={t("apiTokens.form.name")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={120}
          required
        />
        <Checkbox.Group
          label={t("apiTokens.form.scopes")}
          value={scopes}
          onChange={(value) => setScopes(value as Scope[])}
        >
          <Stack gap={6} mt={4}>
            <Text size="xs" c="dimmed">
              {t("apiTokens.form.read")}
            </Text>
            {scopeBoxes(READ_SCOPES)}
            <Text size="xs" c="dimmed">
              {t("apiTokens.form.write")}
            </Text>
            {scopeBoxes(WRITE_SCOPES)}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t("apiTokens.form.days")}
          value={days}
          onChange={(value) => setDays(typeof value === "number" ? value : 90)}
          min={1}
          max={366}
          w={200}
        />
        {create.error && <ErrorAlert error={create.error} />}
        <Group>
          <Button
            onClick={submit}
            loading={create.isPending}
            disabled={!name.trim() || scopes.length === 0}
          >
            {t("apiTokens.form.create")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const revoke = useRevokeApiToken();
  const when = (value: string | null | undefined) =>
    value ? new Date(value).toLocaleDateString(lang === "he" ? "he-IL" : "en-GB") : "—";
  return (
    <>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("apiTokens.table.name")}</Table.Th>
            <Table.Th>{t("apiTokens.table.token")}</Table.Th>
            <Table.Th>{t("apiTokens.table.scopes")}</Table.Th>
            <Table.Th>{t("apiTokens.table.expires")}</Table.Th>
            <Table.Th>{t("apiTokens.table.lastUsed")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id} data-testid={`token-${token.id}`}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td dir="ltr">{token.hint}…</Table.Td>
              <Table.Td dir="ltr">{token.scopes.join(", ")}</Table.Td>
              <Table.Td>{when(token.expires_at)}</Table.Td>
              <Table.Td>{when(token.last_used_at)}</Table.Td>
              <Table.Td>
                {token.revoked_at ? (
                  <Badge color="gray">{t("apiTokens.table.revoked")}</Badge>
                ) : (
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    loading={revoke.isPending && revoke.variables === token.id}
                    onClick={() => revoke.mutate(token.id)}
                  >
                    {t("apiTokens.table.revoke")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
