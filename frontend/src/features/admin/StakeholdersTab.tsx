import { Select, Stack, Table, Text } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDebouncedValue } from "@mantine/hooks";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { pickLang, useLang } from "../../i18n/useLang";
import { AdminSearch, AdminTable, EditButton, FormActions } from "./AdminTable";
import { useOrganisations, useSaveStakeholder, useStakeholders, type Stakeholder } from "./api";
import { useSectorLookup } from "../../shared/sectors";

const PHONE = /^[0-9+\-() ]{3,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function StakeholderForm({
  stakeholder,
  onDone,
}: {
  stakeholder?: Stakeholder;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const organisations = useOrganisations({}, 200);
  const save = useSaveStakeholder();
  const [fullName, setFullName] = useState(stakeholder?.full_name ?? "");
  const [fullNameEn, setFullNameEn] = useState(stakeholder?.full_name_en ?? "");
  const [organisationId, setOrganisationId] = useState<string | null>(
    stakeholder?.organisation_id ?? null,
  );
  const [title, setTitle] = useState(stakeholder?.title ?? "");
  const [email, setEmail] = useState(stakeholder?.email ?? "");
  const [phone, setPhone] = useState(stakeholder?.phone ?? "");
  const emailOk = !email.trim() || EMAIL.test(email.trim());
  const phoneOk = !phone.trim() || PHONE.test(phone.trim());
  const valid = !!fullName.trim() && emailOk && phoneOk;
  const options = organisations.items.map((o) => ({
    value: o.id,
    label: pickLang(lang, o.name, o.name_en),
  }));
  if (stakeholder?.organisation_id && !options.some((o) => o.value === stakeholder.organisation_id))
    options.unshift({
      value: stakeholder.organisation_id,
      label: stakeholder.organisation_name ?? stakeholder.organisation_id,
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    save.mutate(
      {
        stakeholder,
        body: {
          full_name: fullName.trim(),
          full_name_en: fullNameEn.trim() || null,
          organisation_id: organisationId,
          title: title.trim() || null,
          email: email.trim() || null,
          phone: phone.trim() || null,
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t("admin.stakeholders.fullName")}
          required
          maxLength={200}
          dir="auto"
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
        />
        <TextInput
          label={t("admin.stakeholders.fullNameEn")}
          maxLength={200}
          dir="ltr"
          lang="en"
          value={fullNameEn}
          onChange={(e) => setFullNameEn(e.currentTarget.value)}
        />
        <Select
          label={t("admin.stakeholders.organisation")}
          searchable
          clearable
          value={organisationId}
          onChange={setOrganisationId}
          data={options}
          nothingFoundMessage={t("admin.nothingFound")}
        />
        <TextInput
          label={t("admin.stakeholders.title")}
          maxLength={200}
          dir="auto"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextInput
          label={t("admin.stakeholders.email")}
          type="email"
          dir="ltr"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={emailOk ? undefined : t("admin.stakeholders.emailInvalid")}
        />
        <TextInput
          label={t("admin.stakeholders.phone")}
          type="tel"
          dir="ltr"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={phoneOk ? undefined : t("admin.stakeholders.phoneInvalid")}
        />
        <FormActions
          error={save.error}
          pending={save.isPending}
          disabled={!valid}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

/** The people who take part: a directory to search and filter, add and edit. */
export function StakeholdersTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const sectors = useSectorLookup();
  const [q, setQ] = useState("");
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useStakeholders({ q: debounced, sectorId: sectorId ?? undefined });
  const [editing, setEditing] = useState<Stakeholder | "new" | null>(null);

  return (
    <AdminTable
      list={list}
      filters={
        <>
          <AdminSearch value={q} onChange={setQ} />
          <Select
            label={t("admin.organisations.sector")}
            placeholder={t("admin.any")}
            clearable
            value={sectorId}
            onChange={setSectorId}
            data={sectors.options}
            w={240}
          />
        </>
      }
      addLabel={t("admin.stakeholders.new")}
      onAdd={() => setEditing("new")}
      modalOpened={editing !== null}
      onModalClose={() => setEditing(null)}
      modalTitle={t(editing === "new" ? "admin.stakeholders.new" : "admin.stakeholders.edit")}
      modalBody={
        editing !== null && (
          <StakeholderForm
            stakeholder={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )
      }
      empty={t("admin.stakeholders.empty")}
      label={t("admin.tabs.stakeholders")}
      minWidth={760}
      testId="stakeholders-table"
      headers={[
        t("admin.stakeholders.fullName"),
        t("admin.stakeholders.organisation"),
        t("admin.organisations.sector"),
        t("admin.stakeholders.contact"),
        t("admin.actions"),
      ]}
      renderRow={(s) => (
        <>
          <Table.Td>
            <Text size="sm" dir="auto">
              {pickLang(lang, s.full_name, s.full_name_en)}
            </Text>
            {s.title && (
              <Text size="xs" c="dimmed" dir="auto">
                {s.title}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm" dir="auto">
              {s.organisation_name ?? "—"}
            </Text>
          </Table.Td>
          <Table.Td>{sectors.name(s.sector_id)}</Table.Td>
          <Table.Td>
            <Text size="xs" dir="ltr">
              {[s.email, s.phone].filter(Boolean).join(" · ") || "—"}
            </Text>
          </Table.Td>
          <Table.Td>
            <EditButton name={s.full_name} onClick={() => setEditing(s)} />
          </Table.Td>
        </>
      )}
    />
  );
}
