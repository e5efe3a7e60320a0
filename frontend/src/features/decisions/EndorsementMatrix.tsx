import { Badge, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { formatDateTime } from "../../i18n/format";
import { pickLang, useLang } from "../../i18n/useLang";
import type { Decision, EndorsementPosition, Sector } from "./api";

const POSITION_COLOURS: Record<EndorsementPosition | "pending", string> = {
  supports: "green",
  reservations: "yellow",
  objects: "red",
  pending: "gray",
};
/** The picture's colours: pending is a pale track, not a dark bar. */
const BAR_COLOURS = { ...POSITION_COLOURS, pending: "gray.3" };

const COUNTS = ["supports", "reservations", "objects", "pending"] as const;

function Swatch({ colour }: { colour: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: "inline-block",
        width: 12,
        height: 12,
        borderRadius: 2,
        background: colour,
        flexShrink: 0,
      }}
    />
  );
}

export function ConsensusBadge({ consensus }: { consensus: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={consensus ? "green" : "gray"}
      variant={consensus ? "filled" : "light"}
      data-testid="consensus-badge"
    >
      {t(consensus ? "endorsement.consensus" : "endorsement.noConsensus")}
    </Badge>
  );
}

export function PositionBadge({ position }: { position: EndorsementPosition }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={POSITION_COLOURS[position]} style={{ flexShrink: 0 }}>
      {t(`endorsement.positions.${position}`)}
    </Badge>
  );
}

/**
 * Where every sector stands on a decision: a table of sectors × positions in the sectors' colours,
 * the consensus badge, and each seat's position with its comment (seated readers only).
 */
export function EndorsementMatrix({
  decision,
  sectors,
}: {
  decision: Pick<Decision, "by_sector" | "endorsements" | "consensus">;
  sectors: Sector[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const captionId = useId();
  const sectorOf = (id: string) => sectors.find((s) => s.id === id);
  const sectorName = (id: string) => {
    const sector = sectorOf(id);
    return sector ? pickLang(lang, sector.name_he, sector.name_en) : t("endorsement.unknownSector");
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <ConsensusBadge consensus={decision.consensus} />
        <Text size="xs" c="dimmed">
          {t("endorsement.consensusRule")}
        </Text>
      </Group>
      {decision.by_sector.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("endorsement.noSeats")}
        </Text>
      ) : (
        <ScrollTable label={t("endorsement.matrix")} minWidth={560}>
          <Table
            withTableBorder
            withColumnBorders
            aria-describedby={captionId}
            data-testid="endorsement-matrix"
          >
            <Table.Caption id={captionId}>{t("endorsement.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("endorsement.sector")}</Table.Th>
                <Table.Th scope="col">{t("endorsement.seats")}</Table.Th>
                {COUNTS.map((key) => (
                  <Table.Th scope="col" key={key}>
                    {t(`endorsement.positions.${key}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t("endorsement.picture")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decision.by_sector.map((row) => {
                const sector = sectorOf(row.sector_id);
                return (
                  <Table.Tr key={row.sector_id} data-sector={sector?.key}>
                    <Table.Th scope="row">
                      <Group gap={8} wrap="nowrap">
                        <Swatch colour={sector?.colour ?? "#9e9e9e"} />
                        {sectorName(row.sector_id)}
                      </Group>
                    </Table.Th>
                    <Table.Td>{row.seats}</Table.Td>
                    {COUNTS.map((key) => (
                      <Table.Td key={key} data-count={key}>
                        {row[key]}
                      </Table.Td>
                    ))}
                    <Table.Td miw={120}>
                      {/* A picture of the numbers beside it; the cells carry them for everyone. */}
                      <Progress.Root size="lg" aria-hidden>
                        {COUNTS.map((key) =>
                          row[key] > 0 ? (
                            <Progress.Section
                              key={key}
                              value={(row[key] / Math.max(1, row.seats)) * 100}
                              color={BAR_COLOURS[key]}
                            />
                          ) : null,
                        )}
                      </Progress.Root>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {decision.endorsements.length > 0 && (
        <div>
          <Title order={3} size="h5" mb="xs">
            {t("endorsement.seatPositions")}
          </Title>
          <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {decision.endorsements.map((e) => (
              <li key={e.seat_id} data-testid="seat-position">
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Swatch colour={sectorOf(e.sector_id)?.colour ?? "#9e9e9e"} />
                  <Stack gap={0} style={{ flex: 1 }}>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {e.stakeholder_name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {sectorName(e.sector_id)} · {t(`enums.Role.${e.role}`)}
                      </Text>
                      <PositionBadge position={e.position} />
                    </Group>
                    {e.comment && (
                      <Text
                        size="sm"
                        style={{
                          whiteSpace: "pre-line",
                          unicodeBidi: "plaintext",
                          textAlign: "start",
                        }}
                      >
                        {e.comment}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.updated_at, null, lang)}
                    </Text>
                  </Stack>
                </Group>
              </li>
            ))}
          </Stack>
        </div>
      )}
    </Stack>
  );
}
