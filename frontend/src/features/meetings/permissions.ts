import type { Permission } from "../../shared/session/me";
import type { Meeting } from "./api";

/** What the caller may do on a meeting page, from the roundtable's `my_permissions`. */
export interface MeetingAbilities {
  manage: boolean;
  propose: boolean;
  rsvp: boolean;
  recordAttendance: boolean;
  viewAttendance: boolean;
  speaking: boolean;
  notes: boolean;
  writeMinutes: boolean;
  commentMinutes: boolean;
  approveMinutes: boolean;
}

export function abilities(permissions: readonly Permission[]): MeetingAbilities {
  const has = (p: Permission) => permissions.includes(p);
  return {
    manage: has("meetings:manage"),
    propose: has("agenda:propose") || has("meetings:manage"),
    rsvp: has("rsvp:own"),
    recordAttendance: has("attendance:record"),
    viewAttendance: has("attendance:view") || has("attendance:record"),
    speaking: has("speaking_turns:record"),
    notes: has("process_notes:manage"),
    writeMinutes: has("minutes:write"),
    commentMinutes: has("minutes:comment"),
    approveMinutes: has("minutes:approve"),
  };
}

/** A held or cancelled meeting's agenda is a record (the API answers 409 agenda_closed). */
export function agendaOpen(meeting: Meeting): boolean {
  return meeting.status === "planned" || meeting.status === "confirmed";
}

/** RSVPs close once the meeting is held or cancelled. */
export function rsvpOpen(meeting: Meeting): boolean {
  return agendaOpen(meeting);
}

/** The API takes attendance from 12 hours before the start on, never for a cancelled meeting. */
export function hasStarted(meeting: Meeting, now = Date.now()): boolean {
  if (meeting.status === "cancelled") return false;
  if (meeting.status === "held") return true;
  return new Date(meeting.starts_at).getTime() <= now + 12 * 3_600_000;
}
