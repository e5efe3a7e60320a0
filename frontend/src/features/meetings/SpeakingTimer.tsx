import {
  Alert,
  Box,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import type { AgendaItem, SpeakingReport, SpeakingTurnCreate } from "./api";
import { formatClock, sectorBalance } from "./balance";
import classes from "./meetings.module.css";

export interface TablePerson {
  seatId: string;
  name: string;
  sectorId: string;
}

export interface SectorInfo {
  name: (id: string) => string;
  colour: (id: string) => string;
  order: (id: string) => number;
}

interface Running {
  seatId: string;
  sectorId: string;
  agendaItemId: string | null;
  startedAt: number;
}

interface Unsaved {
  key: number;
  body: SpeakingTurnCreate;
  sectorId: string;
  failed: boolean;
}

/**
 * The facilitator's speaking-turn timer. Choosing a person (click, tap, Enter or Space) starts
 * their turn and ends the previous one, which is saved with POST …/speaking-turns (seat, current
 * agenda item, seconds). The sector balance shows the last saved report plus unsaved and running
 * turns, so it moves while someone speaks.
 */
export function SpeakingTimerBoard({
  people,
  sectors,
  agendaItems,
  report,
  postTurn,
}: {
  people: TablePerson[];
  sectors: SectorInfo;
  agendaItems: AgendaItem[];
  report: SpeakingReport | undefined;
  postTurn: (body: SpeakingTurnCreate) => Promise<SpeakingReport>;
}) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<Running | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [agendaItemId, setAgendaItemId] = useState<string | null>(null);
  const [latest, setLatest] = useState<SpeakingReport | undefined>(undefined);
  const [unsaved, setUnsaved] = useState<Unsaved[]>([]);
  const [error, setError] = useState<unknown>(null);
  const nextKey = useRef(1);
  // The running turn as event handlers see it (set together with the state, never in render).
  const runningRef = useRef<Running | null>(null);

  // The clock ticks only while a turn runs.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const send = useCallback(
    (entry: Unsaved) => {
      setUnsaved((list) => [
        ...list.filter((u) => u.key !== entry.key),
        { ...entry, failed: false },
      ]);
      postTurn(entry.body).then(
        (result) => {
          setLatest(result);
          setError(null);
          setUnsaved((list) => list.filter((u) => u.key !== entry.key));
        },
        (failure: unknown) => {
          setError(failure);
          setUnsaved((list) => list.map((u) => (u.key === entry.key ? { ...u, failed: true } : u)));
        },
      );
    },
    [postTurn],
  );

  /** End the running turn (if any) and save it; turns under a second are not recorded. */
  const finish = useCallback(() => {
    const current = runningRef.current;
    if (!current) return;
    const seconds = Math.round((Date.now() - current.startedAt) / 1000);
    runningRef.current = null;
    setRunning(null);
    if (seconds < 1) return;
    send({
      key: nextKey.current++,
      sectorId: current.sectorId,
      failed: false,
      body: {
        seat_id: current.seatId,
        agenda_item_id: current.agendaItemId,
        seconds: Math.min(seconds, 14_400),
        started_at: new Date(current.startedAt).toISOString(),
      },
    });
  }, [send]);

  const choose = useCallback(
    (person: TablePerson) => {
      const same = runningRef.current?.seatId === person.seatId;
      finish();
      if (same) return; // choosing the speaker again ends their turn
      const start = Date.now();
      const next = {
        seatId: person.seatId,
        sectorId: person.sectorId,
        agendaItemId,
        startedAt: start,
      };
      runningRef.current = next;
      setRunning(next);
      setNow(start);
    },
    [finish, agendaItemId],
  );

  // Leaving the page (or this tab of it) ends and saves the running turn.
  const finishRef = useRef(finish);
  useEffect(() => {
    finishRef.current = finish;
  }, [finish]);
  useEffect(() => () => finishRef.current(), []);
  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [running]);

  const elapsed = running ? Math.max(0, Math.floor((now - running.startedAt) / 1000)) : 0;
  const base = latest ?? report;
  const extra = [
    ...unsaved.map((u) => ({ sectorId: u.sectorId, seconds: u.body.seconds })),
    ...(running ? [{ sectorId: running.sectorId, seconds: elapsed }] : []),
  ];
  const balance = sectorBalance(base, extra);
  const personSeconds = new Map((base?.by_person ?? []).map((p) => [p.key_id, p.seconds]));
  for (const u of unsaved)
    personSeconds.set(u.body.seat_id, (personSeconds.get(u.body.seat_id) ?? 0) + u.body.seconds);
  const speaker = running ? people.find((p) => p.seatId === running.seatId) : undefined;

  const groups = new Map<string, TablePerson[]>();
  for (const person of people) {
    const list = groups.get(person.sectorId) ?? [];
    list.push(person);
    groups.set(person.sectorId, list);
  }
  const sectorIds = [...groups.keys()].sort((a, b) => sectors.order(a) - sectors.order(b));
  const failed = unsaved.filter((u) => u.failed);

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" align="center" wrap="wrap" gap="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed" id="timer-speaker">
              {speaker
                ? t("meetingPage.speaking.nowSpeaking", { name: speaker.name })
                : t("meetingPage.speaking.nobody")}
            </Text>
            <div
              className={classes.clock}
              role="timer"
              aria-labelledby="timer-speaker"
              data-testid="speaking-clock"
            >
              {formatClock(elapsed)}
            </div>
          </Stack>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t("meetingPage.speaking.agendaItem")}
              data={[
                { value: "", label: t("meetingPage.speaking.noItem") },
                ...agendaItems.map((i) => ({ value: i.id, label: i.title })),
              ]}
              value={agendaItemId ?? ""}
              onChange={(e) => setAgendaItemId(e.currentTarget.value || null)}
              w={260}
            />
            <Button color="red.9" onClick={finish} disabled={!running}>
              {t("meetingPage.speaking.stop")}
            </Button>
          </Group>
        </Group>
      </Card>

      {error != null && (
        <ErrorAlert
          error={error}
          title={t("meetingPage.speaking.saveFailed")}
          onRetry={failed.length ? () => failed.forEach(send) : undefined}
        />
      )}

      <section aria-labelledby="timer-people">
        <Title order={3} size="h5" id="timer-people" mb="xs">
          {t("meetingPage.speaking.people")}
        </Title>
        {people.length === 0 ? (
          <Alert color="gray" variant="light">
            {t("meetingPage.speaking.noPeople")}
          </Alert>
        ) : (
          <Stack gap="sm">
            {sectorIds.map((sectorId) => (
              <Box key={sectorId} role="group" aria-label={sectors.name(sectorId)}>
                <Group gap={6} mb={4}>
                  <span
                    aria-hidden
                    style={{
                      display: "inline-block",
                      width: 12,
                      height: 12,
                      borderRadius: 3,
                      background: sectors.colour(sectorId),
                    }}
                  />
                  <Text size="sm" fw={600}>
                    {sectors.name(sectorId)}
                  </Text>
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs">
                  {(groups.get(sectorId) ?? []).map((person) => {
                    const active = running?.seatId === person.seatId;
                    const total = (personSeconds.get(person.seatId) ?? 0) + (active ? elapsed : 0);
                    return (
                      <Button
                        key={person.seatId}
                        className={classes.person}
                        variant={active ? "light" : "default"}
                        color={active ? "green" : undefined}
                        aria-pressed={active}
                        onClick={() => choose(person)}
                        h="auto"
                        py={6}
                        styles={{ label: { whiteSpace: "normal", flexDirection: "column" } }}
                      >
                        <span dir="auto">{person.name}</span>
                        <Text span size="xs" className={classes.clockSmall}>
                          {formatClock(total)}
                        </Text>
                      </Button>
                    );
                  })}
                </SimpleGrid>
              </Box>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="timer-balance">
        <Title order={3} size="h5" id="timer-balance" mb="xs">
          {t("meetingPage.speaking.balance")}
        </Title>
        {balance.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("meetingPage.speaking.noTurns")}
          </Text>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {balance.map((row) => (
              <li key={row.sectorId} data-testid="sector-balance">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">{sectors.name(row.sectorId)}</Text>
                  <Text size="sm" className={classes.clockSmall}>
                    {t("meetingPage.speaking.share", {
                      time: formatClock(row.seconds),
                      percent: Math.round(row.share * 100),
                    })}
                  </Text>
                </Group>
                <div className={classes.bar} aria-hidden>
                  <div
                    className={classes.barFill}
                    style={{
                      width: `${(row.share * 100).toFixed(1)}%`,
                      background: sectors.colour(row.sectorId),
                    }}
                  />
                </div>
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
