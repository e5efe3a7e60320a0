import "@mantine/charts/styles.css";
import { DonutChart } from "@mantine/charts";
import { Group, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDate } from "../../i18n/format";
import { pickLang, useLang } from "../../i18n/useLang";
import { useComposition, type Composition } from "./api";
import { ScrollTable } from "../../shared/layout/ScrollTable";

const ROLES = ["facilitator", "host", "member", "observer"] as const;

/** Seats by sector: a donut in the sectors' colours (a picture) and a table (the same numbers, readable). */
export function CompositionBody({
  composition,
  showSeats = true,
}: {
  composition: Composition;
  showSeats?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const tableId = useId();
  const sectors = composition.sectors;
  const data = sectors
    .filter((s) => s.seat_count > 0)
    .map((s) => ({
      name: pickLang(lang, s.name_he, s.name_en),
      value: s.seat_count,
      color: s.colour,
    }));
  const summary = sectors
    .map((s) => `${pickLang(lang, s.name_he, s.name_en)}: ${s.seat_count}`)
    .join(", ");

  return (
    <Stack gap="md">
      <Group align="center" gap="xl" wrap="wrap">
        {/* The chart is a picture of the table below; its text alternative is the summary. */}
        <div role="img" aria-label={t("composition.chartLabel", { summary })}>
          <DonutChart
            data={data}
            size={180}
            thickness={28}
            withTooltip={false}
            // The table below is the accessible form of these numbers; no keyboard stop on the picture.
            accessibilityLayer={false}
            chartLabel={t("composition.totalShort", { count: composition.total_seats })}
          />
        </div>
        <Stack gap={6} aria-hidden>
          {sectors.map((s) => (
            <Group key={s.sector_id} gap={8} wrap="nowrap">
              <span
                style={{
                  display: "inline-block",
                  width: 14,
                  height: 14,
                  borderRadius: 3,
                  background: s.colour,
                }}
              />
              <Text size="sm">
                {pickLang(lang, s.name_he, s.name_en)} · {s.seat_count}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
      <ScrollTable label={t("composition.title")} minWidth={520}>
        <Table
          withTableBorder
          withColumnBorders
          aria-describedby={tableId}
          data-testid="composition-table"
        >
          <Table.Caption id={tableId}>
            {t("composition.caption", {
              total: composition.total_seats,
              date: formatDate(composition.as_of, lang),
            })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("composition.sector")}</Table.Th>
              <Table.Th scope="col">{t("composition.seats")}</Table.Th>
              {ROLES.map((role) => (
                <Table.Th scope="col" key={role}>
                  {t(`enums.Role.${role}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sectors.map((s) => (
              <Table.Tr key={s.sector_id}>
                <Table.Th scope="row">
                  <Group gap={8} wrap="nowrap">
                    <span
                      aria-hidden
                      style={{
                        display: "inline-block",
                        width: 10,
                        height: 10,
                        borderRadius: 2,
                        background: s.colour,
                      }}
                    />
                    {pickLang(lang, s.name_he, s.name_en)}
                  </Group>
                </Table.Th>
                <Table.Td>{s.seat_count}</Table.Td>
                {ROLES.map((role) => (
                  <Table.Td key={role}>{s.by_role[role] ?? 0}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {showSeats && (
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t("composition.whoSits")}
          </Title>
          {sectors
            .filter((s) => s.seats.length > 0)
            .map((s) => (
              <div key={s.sector_id}>
                <Text fw={600} size="sm" mb={4}>
                  {pickLang(lang, s.name_he, s.name_en)}
                </Text>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {s.seats.map((seat) => (
                    <li key={seat.id}>
                      <Text size="sm" span>
                        {pickLang(lang, seat.stakeholder_name, seat.stakeholder_name_en)}
                        {seat.organisation_name ? ` · ${seat.organisation_name}` : ""}
                        {" · "}
                        {t(`enums.Role.${seat.role}`)}
                      </Text>
                      {seat.alternate_name && (
                        <Text size="xs" c="dimmed" span>
                          {" "}
                          ({t("composition.alternate", { name: seat.alternate_name })})
                        </Text>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </Stack>
      )}
    </Stack>
  );
}

export default function CompositionView({
  roundtableId,
  showSeats = true,
}: {
  roundtableId: string;
  showSeats?: boolean;
}) {
  const { t } = useTranslation();
  const composition = useComposition(roundtableId);
  return (
    <QueryState
      query={composition}
      isEmpty={(c) => c.total_seats === 0}
      empty={t("composition.empty")}
    >
      {(data) => <CompositionBody composition={data} showSeats={showSeats} />}
    </QueryState>
  );
}
