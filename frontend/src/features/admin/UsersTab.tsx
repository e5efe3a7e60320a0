import {
  Badge,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import { MutationError } from "../../shared/feedback/MutationError";
import { AdminSearch, AdminTable, FormActions } from "./AdminTable";
import { useCreateUser, useUpdateUser, useUsers } from "./api";

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [email, setEmail] = useState("");
  const [fullName, setFullName] = useState("");
  const [language, setLanguage] = useState<"he" | "en">("he");
  const [password, setPassword] = useState("");
  const [admin, setAdmin] = useState(false);
  const passwordOk = password.length >= 12;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !fullName.trim() || !passwordOk) return;
    create.mutate(
      {
        email: email.trim(),
        full_name: fullName.trim(),
        preferred_language: language,
        password,
        is_platform_admin: admin,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t("admin.users.email")}
          type="email"
          required
          dir="ltr"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextInput
          label={t("admin.users.fullName")}
          required
          maxLength={200}
          dir="auto"
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
        />
        <Select
          label={t("admin.users.language")}
          allowDeselect={false}
          value={language}
          onChange={(v) => v && setLanguage(v as "he" | "en")}
          data={(["he", "en"] as const).map((l) => ({ value: l, label: t(`enums.Language.${l}`) }))}
        />
        <PasswordInput
          label={t("admin.users.password")}
          description={t("admin.users.passwordHint")}
          required
          dir="ltr"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={password && !passwordOk ? t("admin.users.passwordShort") : undefined}
        />
        <Checkbox
          label={t("admin.users.makeAdmin")}
          checked={admin}
          onChange={(e) => setAdmin(e.currentTarget.checked)}
        />
        <FormActions
          error={create.error}
          pending={create.isPending}
          disabled={!email.trim() || !fullName.trim() || !passwordOk}
          onCancel={onDone}
          submitLabel={t("admin.users.create")}
        />
      </Stack>
    </form>
  );
}

/** Sign-ins: find, create, activate or deactivate, grant or remove platform admin. */
export function UsersTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useUsers({
    q: debounced,
    isActive: status === null ? undefined : status === "active",
  });
  const update = useUpdateUser();
  const [creating, create] = useDisclosure(false);

  return (
    <AdminTable
      list={list}
      filters={
        <>
          <AdminSearch value={q} onChange={setQ} width={280} />
          <Select
            label={t("admin.users.status")}
            placeholder={t("admin.any")}
            clearable
            value={status}
            onChange={setStatus}
            data={[
              { value: "active", label: t("admin.users.active") },
              { value: "inactive", label: t("admin.users.inactive") },
            ]}
            w={180}
          />
        </>
      }
      addLabel={t("admin.users.new")}
      onAdd={create.open}
      modalOpened={creating}
      onModalClose={create.close}
      modalTitle={t("admin.users.new")}
      modalBody={<CreateUserForm onDone={create.close} />}
      beforeTable={<MutationError error={update.error} />}
      empty={t("admin.users.empty")}
      label={t("admin.tabs.users")}
      minWidth={760}
      testId="users-table"
      headers={[
        t("admin.users.fullName"),
        t("admin.users.email"),
        t("admin.users.status"),
        t("admin.users.created"),
        t("admin.actions"),
      ]}
      renderRow={(user) => (
        <>
          <Table.Td>
            <Text size="sm" dir="auto">
              {user.full_name}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" dir="ltr">
              {user.email}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              <Badge color={user.is_active ? "green" : "gray"} variant="light">
                {t(user.is_active ? "admin.users.active" : "admin.users.inactive")}
              </Badge>
              {user.is_platform_admin && (
                <Badge color="grape" variant="light">
                  {t("admin.users.admin")}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDay(user.created_at, null, lang)}</Text>
          </Table.Td>
          <Table.Td>
            {user.id === me.data?.id ? (
              <Text size="xs" c="dimmed">
                {t("admin.users.you")}
              </Text>
            ) : (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="light"
                  color={user.is_active ? "red" : "green"}
                  aria-label={t(
                    user.is_active ? "admin.users.deactivateNamed" : "admin.users.activateNamed",
                    { name: user.full_name },
                  )}
                  onClick={() => update.mutate({ user, body: { is_active: !user.is_active } })}
                >
                  {t(user.is_active ? "admin.users.deactivate" : "admin.users.activate")}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t(
                    user.is_platform_admin
                      ? "admin.users.revokeAdminNamed"
                      : "admin.users.grantAdminNamed",
                    { name: user.full_name },
                  )}
                  onClick={() =>
                    update.mutate({ user, body: { is_platform_admin: !user.is_platform_admin } })
                  }
                >
                  {t(user.is_platform_admin ? "admin.users.revokeAdmin" : "admin.users.grantAdmin")}
                </Button>
              </Group>
            )}
          </Table.Td>
        </>
      )}
    />
  );
}
