import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { TextInput, Textarea } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  allowedTransitions,
  useTransitionDecision,
  type Decision,
  type DecisionStatus,
} from "./api";
import { MutationError } from "../../shared/feedback/MutationError";

// Shades dark enough for white text on a filled button (WCAG AA 4.5:1).
const BUTTON_COLOURS: Partial<Record<DecisionStatus, string>> = {
  rejected: "red.9",
  withdrawn: "gray.8",
  adopted: "teal.9",
  implemented: "teal.9",
};

/**
 * The status moves the caller may make (facilitators steer through discussion to agreement; the
 * government host marks it adopted, with its reference). Each asks for confirmation and a note.
 */
export function DecisionTransitions({
  decision,
  permissions,
  isProposer,
}: {
  decision: Decision;
  permissions: readonly string[];
  isProposer: boolean;
}) {
  const { t } = useTranslation();
  const transition = useTransitionDecision(decision);
  const [target, setTarget] = useState<DecisionStatus | null>(null);
  const [note, setNote] = useState("");
  const [reference, setReference] = useState("");
  const moves = allowedTransitions(decision.status, permissions, isProposer);
  if (moves.length === 0) return null;

  function start(status: DecisionStatus) {
    transition.reset();
    setNote("");
    setReference("");
    setTarget(status);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    if (target === "adopted" && !reference.trim()) return;
    transition.mutate(
      {
        status: target,
        note: note.trim() || null,
        adoption_reference: target === "adopted" ? reference.trim() : undefined,
      },
      { onSuccess: () => setTarget(null) },
    );
  }

  const backwards = (status: DecisionStatus) =>
    decision.status === "agreed" && status === "in_discussion";

  return (
    <>
      <Group gap="xs" data-testid="decision-transitions">
        {moves.map((status) => (
          <Button
            key={status}
            size="sm"
            variant={
              status === "rejected" || status === "withdrawn" || backwards(status)
                ? "outline"
                : "filled"
            }
            color={BUTTON_COLOURS[status]}
            onClick={() => start(status)}
          >
            {t(backwards(status) ? "decision.move.back_to_discussion" : `decision.move.${status}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={
          target
            ? t(backwards(target) ? "decision.move.back_to_discussion" : `decision.move.${target}`)
            : ""
        }
      >
        <form onSubmit={submit}>
          <Stack>
            {target && (
              <Text size="sm">
                {t(`decision.next.${backwards(target) ? "back_to_discussion" : target}`)}
              </Text>
            )}
            {(target === "agreed" || target === "adopted") && !decision.consensus && (
              <Alert color="orange" role="alert" data-testid="no-consensus-warning">
                {t("decision.noConsensusWarning")}
              </Alert>
            )}
            {target === "adopted" && (
              <TextInput
                label={t("decision.adoptionReference")}
                description={t("decision.adoptionReferenceHint")}
                required
                maxLength={300}
                value={reference}
                onChange={(e) => setReference(e.currentTarget.value)}
                dir="auto"
                data-autofocus
              />
            )}
            <Textarea
              label={t("decision.note")}
              autosize
              minRows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              dir="auto"
            />
            <MutationError error={transition.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t("formKit.cancel")}
              </Button>
              <Button
                type="submit"
                color={target ? BUTTON_COLOURS[target] : undefined}
                loading={transition.isPending}
                disabled={target === "adopted" && !reference.trim()}
              >
                {t("formKit.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
