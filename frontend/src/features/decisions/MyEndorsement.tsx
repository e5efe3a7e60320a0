import { Alert, Button, Group, Radio, Select, Stack, Text } from "@mantine/core";
import { Textarea } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { ENDORSABLE, POSITIONS, useEndorse, type Decision, type EndorsementPosition } from "./api";
import { MutationError } from "../../shared/feedback/MutationError";
import { PositionBadge } from "./EndorsementMatrix";

type MySeat = components["schemas"]["MySeat"];

/**
 * My word on a decision, for my own seat (supports / reservations / objects, with a comment).
 * Shown only to those holding a seat that may endorse (the page decides); observers and people
 * without a seat never see it.
 */
export function MyEndorsement({ decision, seats }: { decision: Decision; seats: MySeat[] }) {
  const { t } = useTranslation();
  const endorse = useEndorse(decision.id);
  const [seatId, setSeatId] = useState<string>(seats[0]?.seat_id ?? "");
  const current = decision.endorsements.find((e) => e.seat_id === seatId);
  const [position, setPosition] = useState<EndorsementPosition | "">(current?.position ?? "");
  const [comment, setComment] = useState(current?.comment ?? "");
  const [saved, setSaved] = useState(false);
  const open = ENDORSABLE.includes(decision.status);

  if (!open)
    return (
      <Stack gap="xs" data-testid="my-endorsement">
        <Text size="sm" c="dimmed">
          {t("endorsement.closed")}
        </Text>
        {current && (
          <Group gap="xs">
            <Text size="sm">{t("endorsement.yourPosition")}</Text>
            <PositionBadge position={current.position} />
          </Group>
        )}
      </Stack>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!position) return;
    setSaved(false);
    endorse.mutate(
      {
        position,
        comment: comment.trim() || null,
        seat_id: seats.length > 1 ? seatId : undefined,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <form onSubmit={submit} data-testid="my-endorsement">
      <Stack gap="sm">
        {seats.length > 1 && (
          <Select
            label={t("endorsement.seat")}
            allowDeselect={false}
            value={seatId}
            onChange={(value) => {
              if (!value) return;
              setSeatId(value);
              const other = decision.endorsements.find((e) => e.seat_id === value);
              setPosition(other?.position ?? "");
              setComment(other?.comment ?? "");
            }}
            data={seats.map((s) => ({
              value: s.seat_id,
              label: `${t(`enums.Role.${s.role}`)}${s.as_alternate ? ` (${t("endorsement.asAlternate")})` : ""}`,
            }))}
          />
        )}
        <Radio.Group
          label={t("endorsement.yourPosition")}
          value={position}
          onChange={(value) => {
            setPosition(value as EndorsementPosition);
            setSaved(false);
          }}
          required
        >
          <Group mt={4}>
            {POSITIONS.map((p) => (
              <Radio key={p} value={p} label={t(`endorsement.positions.${p}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t("endorsement.comment")}
          description={t("endorsement.commentHint")}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setSaved(false);
          }}
          dir="auto"
        />
        <MutationError error={endorse.error} />
        {saved && (
          <Alert color="green" role="status">
            {t("endorsement.saved")}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={endorse.isPending} disabled={!position}>
            {t(current ? "endorsement.update" : "endorsement.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
