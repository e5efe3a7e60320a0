import { ColorInput, Group, NumberInput, Stack, Table, Text } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AdminTable, EditButton, FormActions } from "./AdminTable";
import { useSectors, type Sector } from "../../shared/sectors";
import { useSaveSector } from "./api";

const KEY = /^[a-z][a-z0-9_]{1,59}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

function SectorForm({ sector, onDone }: { sector?: Sector; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSector();
  const [key, setKey] = useState(sector?.key ?? "");
  const [nameHe, setNameHe] = useState(sector?.name_he ?? "");
  const [nameEn, setNameEn] = useState(sector?.name_en ?? "");
  const [colour, setColour] = useState(sector?.colour ?? "#607d8b");
  const [position, setPosition] = useState<number>(sector?.position ?? 100);
  const valid =
    (!!sector || KEY.test(key)) && !!nameHe.trim() && !!nameEn.trim() && COLOUR.test(colour);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    const common = { name_he: nameHe.trim(), name_en: nameEn.trim(), colour, position };
    save.mutate({ sector, body: sector ? common : { key, ...common } }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!sector && (
          <TextInput
            label={t("admin.sectors.key")}
            description={t("admin.sectors.keyHint")}
            required
            dir="ltr"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={key && !KEY.test(key) ? t("admin.sectors.keyInvalid") : undefined}
          />
        )}
        <TextInput
          label={t("admin.sectors.nameHe")}
          required
          dir="rtl"
          lang="he"
          value={nameHe}
          onChange={(e) => setNameHe(e.currentTarget.value)}
        />
        <TextInput
          label={t("admin.sectors.nameEn")}
          required
          dir="ltr"
          lang="en"
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
        />
        <ColorInput
          label={t("admin.sectors.colour")}
          description={t("admin.sectors.colourHint")}
          format="hex"
          required
          dir="ltr"
          value={colour}
          onChange={setColour}
          error={colour && !COLOUR.test(colour) ? t("admin.sectors.colourInvalid") : undefined}
        />
        <NumberInput
          label={t("admin.sectors.position")}
          min={0}
          max={10000}
          value={position}
          onChange={(v) => setPosition(typeof v === "number" ? v : Number(v) || 0)}
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

/** Sectors: their names in both languages, their colour (used in every chart), their order. */
export function SectorsTab() {
  const { t } = useTranslation();
  const list = useSectors();
  const [editing, setEditing] = useState<Sector | "new" | null>(null);
  return (
    <AdminTable
      list={list}
      addLabel={t("admin.sectors.new")}
      onAdd={() => setEditing("new")}
      modalOpened={editing !== null}
      onModalClose={() => setEditing(null)}
      modalTitle={t(editing === "new" ? "admin.sectors.new" : "admin.sectors.edit")}
      modalBody={
        editing !== null && (
          <SectorForm
            sector={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )
      }
      empty={t("admin.sectors.empty")}
      label={t("admin.tabs.sectors")}
      minWidth={640}
      testId="sectors-table"
      headers={[
        t("admin.sectors.colour"),
        t("admin.sectors.key"),
        t("admin.sectors.nameHe"),
        t("admin.sectors.nameEn"),
        t("admin.sectors.position"),
        t("admin.actions"),
      ]}
      loadMore={false}
      renderRow={(sector) => (
        <>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <span
                aria-hidden
                style={{
                  display: "inline-block",
                  width: 18,
                  height: 18,
                  borderRadius: 3,
                  background: sector.colour,
                }}
              />
              <Text size="xs" dir="ltr" ff="monospace">
                {sector.colour}
              </Text>
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="sm" dir="ltr" ff="monospace">
              {sector.key}
            </Text>
          </Table.Td>
          <Table.Td lang="he" dir="rtl">
            {sector.name_he}
          </Table.Td>
          <Table.Td lang="en" dir="ltr">
            {sector.name_en}
          </Table.Td>
          <Table.Td>{sector.position}</Table.Td>
          <Table.Td>
            <EditButton name={sector.key} onClick={() => setEditing(sector)} />
          </Table.Td>
        </>
      )}
    />
  );
}
