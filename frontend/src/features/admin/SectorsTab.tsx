import {
  Button,
  ColorInput,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { MutationError } from "../decisions/feedback";
import { useAdminSectors, useSaveSector, type Sector } from "./api";

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
        <MutationError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("formKit.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!valid}>
            {t("formKit.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sectors: their names in both languages, their colour (used in every chart), their order. */
export function SectorsTab() {
  const { t } = useTranslation();
  const list = useAdminSectors();
  const [editing, setEditing] = useState<Sector | "new" | null>(null);
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setEditing("new")}>{t("admin.sectors.new")}</Button>
      </Group>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing === "new" ? "admin.sectors.new" : "admin.sectors.edit")}
      >
        {editing !== null && (
          <SectorForm
            sector={editing === "new" ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("admin.sectors.empty")}
      >
        {(items) => (
          <ScrollTable label={t("admin.tabs.sectors")} minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="sectors-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("admin.sectors.colour")}</Table.Th>
                  <Table.Th scope="col">{t("admin.sectors.key")}</Table.Th>
                  <Table.Th scope="col">{t("admin.sectors.nameHe")}</Table.Th>
                  <Table.Th scope="col">{t("admin.sectors.nameEn")}</Table.Th>
                  <Table.Th scope="col">{t("admin.sectors.position")}</Table.Th>
                  <Table.Th scope="col">{t("admin.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((sector) => (
                  <Table.Tr key={sector.id}>
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
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={t("admin.editNamed", { name: sector.key })}
                        onClick={() => setEditing(sector)}
                      >
                        {t("admin.edit")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
    </Stack>
  );
}
