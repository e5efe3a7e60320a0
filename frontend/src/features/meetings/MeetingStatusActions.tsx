import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { Textarea } from "../../shared/inputs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../shared/feedback/ConfirmButton";
import { MutationError } from "../../shared/feedback/MutationError";
import { useTransitionMeeting, type Meeting } from "./api";

/** planned → confirmed → held, or → cancelled with a reason (for those with meetings:manage). */
export function MeetingStatusActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const transition = useTransitionMeeting(meeting);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  if (meeting.status === "held" || meeting.status === "cancelled") return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {meeting.status === "planned" && (
          <Button
            variant="light"
            color="green"
            onClick={() => transition.mutate({ status: "confirmed" })}
            loading={transition.isPending && transition.variables?.status === "confirmed"}
          >
            {t("meetingPage.status.confirm")}
          </Button>
        )}
        <ConfirmButton
          variant="light"
          label={t("meetingPage.status.markHeld")}
          title={t("meetingPage.status.markHeldTitle")}
          body={t("meetingPage.status.markHeldBody")}
          onConfirm={(close) => transition.mutate({ status: "held" }, { onSuccess: close })}
          pending={transition.isPending && transition.variables?.status === "held"}
          error={transition.error}
        />
        <Button variant="subtle" color="red" onClick={() => setCancelling(true)}>
          {t("meetingPage.status.cancel")}
        </Button>
      </Group>
      {!cancelling && <MutationError error={transition.error} />}
      <Modal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t("meetingPage.status.cancelTitle")}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim())
              transition.mutate(
                { status: "cancelled", reason: reason.trim() },
                { onSuccess: () => setCancelling(false) },
              );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t("meetingPage.status.cancelBody")}</Text>
            <Textarea
              label={t("meetingPage.status.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maxLength={500}
              data-autofocus
            />
            <MutationError error={transition.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCancelling(false)}>
                {t("meetingPage.back")}
              </Button>
              <Button
                type="submit"
                color="red.9"
                disabled={!reason.trim()}
                loading={transition.isPending}
              >
                {t("meetingPage.status.cancelConfirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
