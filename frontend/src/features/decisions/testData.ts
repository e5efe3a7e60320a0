/** Test data shared by the decisions feature's tests and the decision page's (src/pages). */
import type { Me } from "../../shared/session/me";
import type { Decision, Sector } from "./api";

export const GOV = "s-gov";
export const BIZ = "s-biz";
export const CIV = "s-civ";
export const RT = "rt-1";

export const sectors: Sector[] = [
  {
    id: GOV,
    key: "government",
    name_he: "ממשלה",
    name_en: "Government",
    colour: "#1e88e5",
    position: 10,
    version: 1,
  },
  {
    id: BIZ,
    key: "business_philanthropy",
    name_he: "עסקי",
    name_en: "Business",
    colour: "#f4511e",
    position: 20,
    version: 1,
  },
  {
    id: CIV,
    key: "civil_society",
    name_he: "חברה אזרחית",
    name_en: "Civil society",
    colour: "#43a047",
    position: 30,
    version: 1,
  },
];

export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: "d-1",
    roundtable_id: RT,
    meeting_id: null,
    kind: "agreement",
    title: "An agreement",
    text: "## Why\n\nBecause.",
    status: "agreed",
    goal_ids: [],
    proposed_by_user_id: "u-fac",
    adopted_at: null,
    adoption_reference: null,
    created_at: "2026-07-14T08:00:00Z",
    updated_at: "2026-07-14T09:00:00Z",
    version: 3,
    consensus: false,
    by_sector: [
      { sector_id: GOV, seats: 2, supports: 1, reservations: 0, objects: 0, pending: 1 },
      { sector_id: BIZ, seats: 3, supports: 0, reservations: 1, objects: 1, pending: 1 },
      { sector_id: CIV, seats: 4, supports: 2, reservations: 0, objects: 0, pending: 2 },
    ],
    endorsements: [
      {
        seat_id: "seat-m",
        stakeholder_name: "Tamar",
        sector_id: CIV,
        role: "member",
        position: "supports",
        comment: "Good for us",
        updated_at: "2026-07-15T10:00:00Z",
      },
    ],
    history: [
      {
        from_status: null,
        to_status: "proposed",
        actor_user_id: "u-fac",
        note: null,
        created_at: "2026-07-14T08:00:00Z",
      },
      {
        from_status: "proposed",
        to_status: "in_discussion",
        actor_user_id: "u-fac",
        note: null,
        created_at: "2026-07-14T08:30:00Z",
      },
      {
        from_status: "in_discussion",
        to_status: "agreed",
        actor_user_id: "u-fac",
        note: "Agreed at the July meeting",
        created_at: "2026-07-14T09:00:00Z",
      },
    ],
    ...overrides,
  };
}

export type Role = "facilitator" | "host" | "member" | "observer" | "none";

export const PERMISSIONS: Record<Role, string[]> = {
  facilitator: [
    "roundtable:view",
    "decisions:propose",
    "decisions:steer",
    "decisions:endorse",
    "action_items:manage",
  ],
  host: [
    "roundtable:view",
    "decisions:propose",
    "decisions:adopt",
    "decisions:endorse",
    "action_items:manage",
  ],
  member: ["roundtable:view", "decisions:propose", "decisions:endorse", "action_items:update_own"],
  observer: ["roundtable:view"],
  none: [],
};

export function meFor(role: Role): Me {
  return {
    id: `u-${role}`,
    email: `${role}@example.org`,
    full_name: role,
    preferred_language: "en",
    is_active: true,
    is_platform_admin: role === "none",
    created_at: "2026-01-01T00:00:00Z",
    version: 1,
    stakeholder_id: role === "none" ? null : `sh-${role}`,
    platform_permissions: [],
    roundtables:
      role === "none"
        ? []
        : [
            {
              roundtable_id: RT,
              title: "שולחן",
              title_en: "Table",
              roles: [role],
              permissions: PERMISSIONS[role] as Me["roundtables"][number]["permissions"],
              seats: [
                {
                  seat_id: role === "member" ? "seat-m" : `seat-${role}`,
                  role,
                  sector_id: role === "host" ? GOV : CIV,
                  started_on: "2020-01-01",
                  ended_on: null,
                  as_alternate: false,
                },
              ],
            },
          ],
  };
}
