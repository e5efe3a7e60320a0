import { Anchor, Group, Select, Stack, Table, Text } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDebouncedValue } from "@mantine/hooks";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { pickLang, useLang } from "../../i18n/useLang";
import { AdminSearch, AdminTable, EditButton, FormActions } from "./AdminTable";
import { useSectorLookup } from "../../shared/sectors";
import {
  ORGANISATION_KINDS,
  useOrganisations,
  useSaveOrganisation,
  type Organisation,
  type OrganisationKind,
} from "./api";

function OrganisationForm({
  organisation,
  onDone,
}: {
  organisation?: Organisation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const sectors = useSectorLookup();
  const save = useSaveOrganisation();
  const [name, setName] = useState(organisation?.name ?? "");
  const [nameEn, setNameEn] = useState(organisation?.name_en ?? "");
  const [sectorId, setSectorId] = useState<string | null>(organisation?.sector_id ?? null);
  const [kind, setKind] = useState<OrganisationKind>(organisation?.kind ?? "ngo");
  const [website, setWebsite] = useState(organisation?.website ?? "");
  const websiteOk = !website.trim() || /^https?:\/\//i.test(website.trim());
  const valid = !!name.trim() && !!sectorId && websiteOk;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || !sectorId) return;
    save.mutate(
      {
        organisation,
        body: {
          name: name.trim(),
          name_en: nameEn.trim() || null,
          sector_id: sectorId,
          kind,
          website: website.trim() || null,
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t("admin.organisations.name")}
          required
          maxLength={200}
          dir="auto"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t("admin.organisations.nameEn")}
          maxLength={200}
          dir="ltr"
          lang="en"
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
        />
        <Select
          label={t("admin.organisations.sector")}
          required
          value={sectorId}
          onChange={setSectorId}
          data={sectors.options}
        />
        <Select
          label={t("admin.organisations.kind")}
          required
          allowDeselect={false}
          value={kind}
          onChange={(v) => v && setKind(v as OrganisationKind)}
          data={ORGANISATION_KINDS.map((k) => ({
            value: k,
            label: t(`admin.organisationKinds.${k}`),
          }))}
        />
        <TextInput
          label={t("admin.organisations.website")}
          type="url"
          dir="ltr"
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
          error={websiteOk ? undefined : t("admin.organisations.websiteInvalid")}
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

/** Organisations by sector: find, add, edit. */
export function OrganisationsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const sectors = useSectorLookup();
  const [q, setQ] = useState("");
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const list = useOrganisations({ q: debounced, sectorId: sectorId ?? undefined });
  const [editing, setEditing] = useState<Organisation | "new" | null>(null);

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
      addLabel={t("admin.organisations.new")}
      onAdd={() => setEditing("new")}
      modalOpened={editing !== null}
      onModalClose={() => setEditing(null)}
      modalTitle={t(editing === "new" ? "admin.organisations.new" : "admin.organisations.edit")}
      modalBody={
        editing !== null && (
          <OrganisationForm
            organisation={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )
      }
      empty={t("admin.organisations.empty")}
      label={t("admin.tabs.organisations")}
      minWidth={720}
      testId="organisations-table"
      headers={[
        t("admin.organisations.name"),
        t("admin.organisations.sector"),
        t("admin.organisations.kind"),
        t("admin.organisations.website"),
        t("admin.actions"),
      ]}
      renderRow={(org) => (
        <>
          <Table.Td>
            <Text size="sm" dir="auto">
              {pickLang(lang, org.name, org.name_en)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <span
                aria-hidden
                style={{
                  display: "inline-block",
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: sectors.colour(org.sector_id),
                }}
              />
              <Text size="sm">{sectors.name(org.sector_id)}</Text>
            </Group>
          </Table.Td>
          <Table.Td>{t(`admin.organisationKinds.${org.kind}`)}</Table.Td>
          <Table.Td>
            {org.website && /^https?:\/\//i.test(org.website) ? (
              <Anchor
                href={org.website}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                dir="ltr"
              >
                {org.website.replace(/^https?:\/\//i, "")}
              </Anchor>
            ) : (
              "—"
            )}
          </Table.Td>
          <Table.Td>
            <EditButton name={org.name} onClick={() => setEditing(org)} />
          </Table.Td>
        </>
      )}
    />
  );
}
