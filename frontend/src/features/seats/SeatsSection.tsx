import { Badge, Button, Group, Modal, Select, Stack, Table, Text, Title } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { MutationError } from "../../shared/feedback/MutationError";
import { LoadMore } from "../../shared/layout/LoadMore";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { formatDate } from "../../i18n/format";
import { pickLang, useLang } from "../../i18n/useLang";
import { useSectorLookup } from "../../shared/sectors";
import {
  assignableRoles,
  useCreateSeat,
  useRoundtableSeats,
  useStakeholderSearch,
  useUpdateSeat,
  type Seat,
  type SeatRole,
  type Stakeholder,
} from "./api";

/** Today's date, yyyy-mm-dd, on the Jerusalem calendar (seats start and end on Israeli days). */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jerusalem" }).format(new Date());
}

/** Pick a stakeholder by typing part of the name (GET /stakeholders?q=). */
export function StakeholderPicker({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: Stakeholder | null;
  onChange: (stakeholder: Stakeholder | null) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const found = useStakeholderSearch(q);
  const items = found.data?.items ?? [];
  const options = [...(value && !items.some((s) => s.id === value.id) ? [value] : []), ...items];
  const name = (s: Stakeholder) => pickLang(lang, s.full_name, s.full_name_en);
  return (
    <Select
      label={label}
      required={required}
      searchable
      clearable
      placeholder={t("seats.searchStakeholder")}
      nothingFoundMessage={
        q.trim() ? (found.isFetching ? t("states.loading") : t("seats.noStakeholders")) : undefined
      }
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((s) => ({
        value: s.id,
        label: s.organisation_name ? `${name(s)} · ${s.organisation_name}` : name(s),
      }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((s) => s.id === id) ?? null)}
      error={found.error ? t("seats.searchFailed") : undefined}
    />
  );
}

function AddSeatForm({
  roundtableId,
  roles,
  onDone,
}: {
  roundtableId: string;
  roles: SeatRole[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const sectors = useSectorLookup();
  const create = useCreateSeat(roundtableId);
  const [stakeholder, setStakeholder] = useState<Stakeholder | null>(null);
  const [alternate, setAlternate] = useState<Stakeholder | null>(null);
  const [role, setRole] = useState<SeatRole>("member");
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [startedOn, setStartedOn] = useState(today());
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!stakeholder) return;
        create.mutate(
          {
            stakeholder_id: stakeholder.id,
            role,
            sector_id: sectorId,
            started_on: startedOn || null,
            alternate_stakeholder_id: alternate?.id ?? null,
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Stack gap="sm">
        <StakeholderPicker
          label={t("seats.stakeholder")}
          required
          value={stakeholder}
          onChange={(s) => {
            setStakeholder(s);
            setSectorId(s?.sector_id ?? null); // the organisation's sector, unless changed
          }}
        />
        <Select
          label={t("seats.role")}
          required
          allowDeselect={false}
          data={roles.map((r) => ({ value: r, label: t(`enums.Role.${r}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as SeatRole)}
        />
        <Select
          label={t("seats.sector")}
          description={t("seats.sectorHint")}
          data={sectors.options}
          value={sectorId}
          onChange={setSectorId}
          clearable
        />
        <TextInput
          type="date"
          label={t("seats.startedOn")}
          value={startedOn}
          onChange={(event) => setStartedOn(event.currentTarget.value)}
        />
        <StakeholderPicker label={t("seats.alternate")} value={alternate} onChange={setAlternate} />
        <MutationError error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("formKit.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!stakeholder}>
            {t("seats.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndSeatForm({
  roundtableId,
  seat,
  onDone,
}: {
  roundtableId: string;
  seat: Seat;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateSeat(roundtableId);
  const [endedOn, setEndedOn] = useState(today());
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ seat, body: { ended_on: endedOn } }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <TextInput
          type="date"
          required
          label={t("seats.endedOn")}
          value={endedOn}
          onChange={(event) => setEndedOn(event.currentTarget.value)}
        />
        <MutationError error={update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("formKit.cancel")}
          </Button>
          <Button type="submit" color="red" loading={update.isPending} disabled={!endedOn}>
            {t("seats.end")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RoleCell({
  roundtableId,
  seat,
  roles,
}: {
  roundtableId: string;
  seat: Seat;
  roles: SeatRole[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = useUpdateSeat(roundtableId);
  // An ended seat, or a facilitator's seat without the right to assign facilitators: read only.
  if ((seat.ended_on && seat.ended_on < today()) || !roles.includes(seat.role))
    return <EnumBadge name="Role" value={seat.role} />;
  const name = pickLang(lang, seat.stakeholder_name, seat.stakeholder_name_en);
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        aria-label={t("seats.roleOf", { name })}
        allowDeselect={false}
        data={roles.map((r) => ({ value: r, label: t(`enums.Role.${r}`) }))}
        value={seat.role}
        disabled={update.isPending}
        onChange={(value) => {
          if (value && value !== seat.role)
            update.mutate({ seat, body: { role: value as SeatRole } });
        }}
      />
      <MutationError error={update.error} />
    </Stack>
  );
}

function SeatTable({
  roundtableId,
  seats,
  roles,
  caption,
  onEnd,
}: {
  roundtableId: string;
  seats: Seat[];
  roles: SeatRole[];
  caption: string;
  onEnd?: (seat: Seat) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const sectors = useSectorLookup();
  return (
    <ScrollTable label={caption} minWidth={820}>
      <Table striped aria-label={caption} data-testid="seats-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("seats.stakeholder")}</Table.Th>
            <Table.Th>{t("seats.role")}</Table.Th>
            <Table.Th>{t("seats.sector")}</Table.Th>
            <Table.Th>{t("seats.startedOn")}</Table.Th>
            <Table.Th>{t("seats.endedOn")}</Table.Th>
            <Table.Th>{t("seats.alternate")}</Table.Th>
            {onEnd && <Table.Th>{t("seats.actions")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {seats.map((seat) => {
            const name = pickLang(lang, seat.stakeholder_name, seat.stakeholder_name_en);
            return (
              <Table.Tr key={seat.id} data-testid="seat-row">
                <Table.Td>
                  <Text size="sm" fw={500} dir="auto">
                    {name}
                  </Text>
                  {seat.organisation_name && (
                    <Text size="xs" c="dimmed" dir="auto">
                      {seat.organisation_name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <RoleCell roundtableId={roundtableId} seat={seat} roles={roles} />
                </Table.Td>
                <Table.Td>{sectors.name(seat.sector_id)}</Table.Td>
                <Table.Td>{formatDate(seat.started_on, lang)}</Table.Td>
                <Table.Td>{seat.ended_on ? formatDate(seat.ended_on, lang) : "—"}</Table.Td>
                <Table.Td dir="auto">{seat.alternate_name ?? "—"}</Table.Td>
                {onEnd && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => onEnd(seat)}
                      aria-label={t("seats.endOf", { name })}
                    >
                      {t("seats.end")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Seat management at a roundtable (facilitators and hosts, with `seats:manage`). */
export function SeatsSection({
  roundtableId,
  permissions,
}: {
  roundtableId: string;
  permissions: readonly string[];
}) {
  const { t } = useTranslation();
  const seats = useRoundtableSeats(roundtableId);
  const roles = assignableRoles(permissions);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Seat | null>(null);
  // Past: ended before today. A seat that ends today, or starts later, is still listed as current.
  const isPast = (s: Seat) => !s.is_current && !!s.ended_on && s.ended_on < today();
  const current = seats.items.filter((s) => !isPast(s));
  const past = seats.items.filter(isPast);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t("seats.current")} <Badge variant="light">{current.length}</Badge>
        </Title>
        <Button onClick={() => setAdding(true)}>{t("seats.addSeat")}</Button>
      </Group>
      {seats.isPending ? (
        <Text role="status" size="sm" c="dimmed">
          {t("states.loading")}
        </Text>
      ) : seats.error ? (
        <ErrorAlert error={seats.error} onRetry={() => void seats.refetch()} />
      ) : (
        <>
          {current.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("seats.noCurrent")}
            </Text>
          ) : (
            <SeatTable
              roundtableId={roundtableId}
              seats={current}
              roles={roles}
              caption={t("seats.current")}
              onEnd={setEnding}
            />
          )}
          <Title order={2} size="h4">
            {t("seats.past")}
          </Title>
          {past.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("seats.noPast")}
            </Text>
          ) : (
            <SeatTable
              roundtableId={roundtableId}
              seats={past}
              roles={roles}
              caption={t("seats.past")}
            />
          )}
          <LoadMore {...seats} />
        </>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t("seats.addSeat")}>
        {adding && (
          <AddSeatForm roundtableId={roundtableId} roles={roles} onDone={() => setAdding(false)} />
        )}
      </Modal>
      <Modal opened={!!ending} onClose={() => setEnding(null)} title={t("seats.endTitle")}>
        {ending && (
          <EndSeatForm roundtableId={roundtableId} seat={ending} onDone={() => setEnding(null)} />
        )}
      </Modal>
    </Stack>
  );
}
