import { describe, expect, it } from "vitest";
import { myInvitation, type Invitation } from "./api";

const invitation = (stakeholder_id: string, response: Invitation["response"]) =>
  ({ stakeholder_id, response }) as Invitation;

describe("my RSVP", () => {
  it("is the invitation of my stakeholder", () => {
    const list = [invitation("s1", "yes"), invitation("me", "maybe")];
    expect(myInvitation(list, "me")?.response).toBe("maybe");
    expect(myInvitation(list, "other")).toBeUndefined();
    expect(myInvitation(list, null)).toBeUndefined();
  });
});
