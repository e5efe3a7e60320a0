import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { useRoundtableMeetings } from "./api";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { useRoundtable } from "../../shared/lookups";
import { MeetingWhen } from "./MeetingWhen";
import { ScheduleMeetingButton } from "./ScheduleMeetingForm";

/** A roundtable's meetings, newest first, each linking to its page; facilitators and hosts schedule more. */
export function MeetingList({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const list = useRoundtableMeetings(roundtableId);
  const roundtable = useRoundtable(roundtableId);
  const canManage = !!roundtable.data?.my_permissions.includes("meetings:manage");
  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <ScheduleMeetingButton roundtableId={roundtableId} />
        </Group>
      )}
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
                          <Anchor
                            component={Link}
                            to={`/meetings/${meeting.id}`}
                            size="sm"
                            fw={500}
                            dir="auto"
                          >
                            {meeting.title}
                          </Anchor>
                          {meeting.venue_name && (
                            <Text size="xs" c="dimmed">
                              {meeting.venue_name}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <MeetingWhen
                            startsAt={meeting.starts_at}
                            endsAt={meeting.ends_at}
                            timezone={meeting.timezone}
                          />
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
    </>
  );
}
