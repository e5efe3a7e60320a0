import { Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../components/EnumBadge";
import { LoadMore } from "../../components/LoadMore";
import { QueryState } from "../../components/QueryState";
import { formatDateTime, formatTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useRoundtableMeetings } from "./api";
import { ScrollTable } from "../../components/ScrollTable";

/** A roundtable's meetings, newest first. (The meeting page comes later.) */
export function MeetingList({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useRoundtableMeetings(roundtableId);
  return (
    <QueryState
      query={{ ...list, data: list.data ? list.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={t("meeting.empty")}
    >
      {(items) => (
        <>
          <ScrollTable label={t("roundtable.tabs.meetings")} minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("meeting.title")}</Table.Th>
                  <Table.Th scope="col">{t("meeting.when")}</Table.Th>
                  <Table.Th scope="col">{t("meeting.mode")}</Table.Th>
                  <Table.Th scope="col">{t("meeting.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((meeting) => (
                  <Table.Tr key={meeting.id}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm" fw={500} dir="auto">
                          {meeting.title}
                        </Text>
                        {meeting.venue_name && (
                          <Text size="xs" c="dimmed">
                            {meeting.venue_name}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {formatDateTime(meeting.starts_at, meeting.timezone, lang)}–
                        {formatTime(meeting.ends_at, meeting.timezone, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`enums.MeetingMode.${meeting.mode}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <EnumBadge name="MeetingStatus" value={meeting.status} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <LoadMore {...list} />
        </>
      )}
    </QueryState>
  );
}
