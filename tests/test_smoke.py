async def test_healthz(client):
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_public_roundtables_for_anonymous(client, world):
    response = await client.get("/api/v1/roundtables")
    assert response.status_code == 200, response.text
    ids = {item["id"] for item in response.json()["items"]}
    assert str(world.roundtables["pmo"]) in ids
    assert str(world.roundtables["education"]) not in ids


async def test_member_me(client, auth, world):
    response = await client.get("/api/v1/me", headers=await auth("member"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["email"] == "member@demo.shulchan.org"
    pmo = [rt for rt in body["roundtables"] if rt["roundtable_id"] == str(world.roundtables["pmo"])]
    assert pmo and pmo[0]["roles"] == ["member"]
