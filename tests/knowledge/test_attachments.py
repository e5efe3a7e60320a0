"""Attachments: files recognised by their bytes (never by name or declared type), stored under generated
names, size-limited, and downloaded only by those who may see their knowledge item."""

import hashlib
import io
import re
import tracemalloc
import zipfile
from urllib.parse import quote

import httpx
import pytest
from helpers import assert_problem, ok
from knowledge_factories import Cast, make_cast

from shulchan.core.errors import UnprocessableEntity
from shulchan.knowledge import files

ITEMS = "/api/v1/knowledge-items"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ANY_VERSION = {"If-Match": "*"}
PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + b"\x00" * 40 + b"This program cannot be run"
)
STORAGE_NAME = re.compile(r"[0-9a-f]{32}")
# Deep inside tmp_path, so that a name climbing out of the store would still land where the test looks.
STORE = "var/data/attachments"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """The test's own roundtables and people (see knowledge_factories.Cast), not the demo story's."""
    return await make_cast(db, settings)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>שלום</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def plain_zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office document")
        archive.writestr("payload.exe", EXE_BYTES)
    return buffer.getvalue()


@pytest.fixture
async def files_client(app_factory, sessionmaker, tmp_path):
    """A client on an app that keeps attachments in this test's own directory."""
    app = app_factory(attachments_dir=tmp_path / STORE)
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def small_client(app_factory, sessionmaker, tmp_path):
    """Like files_client, with a 2 KiB attachment limit."""
    app = app_factory(attachment_max_bytes=2048, attachments_dir=tmp_path / STORE)
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def add_item(client, headers, cast, roundtable="pmo", **overrides) -> dict:
    body = {"roundtable_id": str(cast.roundtables[roundtable]), "kind": "data", "title": "נתונים", "language": "he"}
    return ok(await client.post(ITEMS, json=body | overrides, headers=headers), 201)


async def upload(client, headers, item_id, filename: str, data: bytes, declared: str = "application/octet-stream"):
    return await client.post(
        f"{ITEMS}/{item_id}/attachments", files={"file": (filename, data, declared)}, headers=headers
    )


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("filename", "data", "declared", "sniffed"),
    [
        ("report.pdf", PDF_BYTES, "application/octet-stream", "application/pdf"),
        ("chart.png", PNG_BYTES, "application/octet-stream", "image/png"),
        ("paper.docx", docx_bytes(), "application/zip", DOCX),
        ("numbers.csv", "שנה,מספר\n2024,12\n2025,17\n".encode(), "text/plain", "text/csv"),
        ("notes.txt", "הערות על המפגש\nand some English\n".encode(), "application/pdf", "text/plain"),
    ],
)
async def test_accepted_files_are_stored_with_the_type_their_bytes_prove(
    files_client, cast, tmp_path, filename, data, declared, sniffed
):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)

    response = await upload(files_client, member, item["id"], filename, data, declared)
    attachment = ok(response, 201)

    assert attachment["content_type"] == sniffed
    assert attachment["filename"] == filename
    assert attachment["size_bytes"] == len(data)
    assert attachment["knowledge_item_id"] == item["id"]
    assert attachment["download_url"] == f"/api/v1/attachments/{attachment['id']}/download"
    assert attachment["sha256"] == hashlib.sha256(data).hexdigest()

    listed = ok(await files_client.get(f"{ITEMS}/{item['id']}", headers=member))["attachments"]
    assert [a["id"] for a in listed] == [attachment["id"]]

    download = await files_client.get(attachment["download_url"], headers=member)
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["content-type"].split(";")[0] == sniffed
    assert download.headers["content-disposition"].startswith("attachment;")
    assert f'filename="{filename}"' in download.headers["content-disposition"]

    on_disk = stored_files(tmp_path)
    assert len(on_disk) == 1 and on_disk[0].read_bytes() == data
    assert STORAGE_NAME.fullmatch(on_disk[0].name) and on_disk[0].parent == tmp_path / STORE


async def test_the_declared_type_is_not_believed(files_client, cast):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    attachment = ok(await upload(files_client, member, item["id"], "scan.pdf", PNG_BYTES, "application/pdf"), 201)
    assert attachment["content_type"] == "image/png"
    download = await files_client.get(attachment["download_url"], headers=member)
    assert download.headers["content-type"] == "image/png"


@pytest.mark.parametrize(
    ("filename", "data", "declared"),
    [
        ("setup.exe", EXE_BYTES, "application/octet-stream"),
        ("innocent.pdf", EXE_BYTES, "application/pdf"),
        ("archive.zip", plain_zip_bytes(), "application/zip"),
        ("fake.docx", plain_zip_bytes(), DOCX),
        ("broken.docx", b"PK\x03\x04" + b"\x00garbage" * 20, DOCX),
        ("junk.bin", bytes(range(256)) * 4, "application/octet-stream"),
        ("junk.txt", b"looks like text\x00but has a NUL", "text/plain"),
        ("latin1.txt", "caf\xe9 cr\xe8me".encode("latin-1"), "text/plain"),
    ],
)
async def test_other_files_are_refused_and_nothing_is_stored(files_client, cast, tmp_path, filename, data, declared):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)

    response = await upload(files_client, member, item["id"], filename, data, declared)

    assert_problem(response, 422, "unsupported_file_type")
    assert stored_files(tmp_path) == []
    assert ok(await files_client.get(f"{ITEMS}/{item['id']}", headers=member))["attachments"] == []


BOMB_ENTRY_BYTES = 64 * 1_048_576


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """A ~64 KB upload whose "mimetype" entry inflates to 64 MB: an OpenDocument's name, then spaces."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("mimetype", "w", force_zip64=True) as entry,
    ):
        entry.write(b"application/vnd.oasis.opendocument.text")
        chunk = b" " * 1_048_576
        for _ in range(BOMB_ENTRY_BYTES // len(chunk)):
            entry.write(chunk)
    return buffer.getvalue()


def test_sniffing_a_zip_bomb_reads_only_the_head_of_its_entry(zip_bomb):
    """Measured on the code path (tracemalloc), not by timing: inflating the entry whole took 64 MB."""
    assert len(zip_bomb) < 1_048_576
    tracemalloc.start()
    try:
        with pytest.raises(UnprocessableEntity):
            files.sniff_content_type(zip_bomb, "bomb.odt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 1_048_576, f"sniffing took {peak:,} bytes"


def test_entries_compressed_in_ways_that_inflate_unbounded_are_not_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")

    with pytest.raises(UnprocessableEntity):
        files.sniff_content_type(buffer.getvalue(), "bzip2.odt")


async def test_a_zip_bomb_is_refused_and_nothing_is_stored(files_client, cast, tmp_path, zip_bomb):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)

    response = await upload(files_client, member, item["id"], "bomb.odt", zip_bomb)

    assert_problem(response, 422, "unsupported_file_type")
    assert stored_files(tmp_path) == []


async def test_an_opendocument_is_still_recognised(files_client, cast):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")  # stored, as ODF wants
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)

    attachment = ok(await upload(files_client, member, item["id"], "paper.odt", buffer.getvalue()), 201)

    assert attachment["content_type"] == "application/vnd.oasis.opendocument.text"


async def test_an_empty_file_is_refused(files_client, cast, tmp_path):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    assert_problem(await upload(files_client, member, item["id"], "empty.txt", b"", "text/plain"), 422, "empty_file")
    assert stored_files(tmp_path) == []


async def test_a_file_over_the_limit_is_refused(small_client, cast, tmp_path):
    member = await cast.auth("member")
    item = await add_item(small_client, member, cast)

    at_limit = ok(await upload(small_client, member, item["id"], "fits.txt", b"a" * 2048), 201)
    assert at_limit["size_bytes"] == 2048

    over = await upload(small_client, member, item["id"], "big.txt", b"a" * 2049)
    assert_problem(over, 413, "payload_too_large")
    # Far over: refused by the body limit before the upload is read.
    huge = await upload(small_client, member, item["id"], "huge.pdf", PDF_BYTES + b"x" * 200_000)
    assert_problem(huge, 413, "payload_too_large")

    assert len(stored_files(tmp_path)) == 1
    attachments = ok(await small_client.get(f"{ITEMS}/{item['id']}", headers=member))["attachments"]
    assert [a["filename"] for a in attachments] == ["fits.txt"]


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\x", "x"),
        ("/absolute/path/report.pdf", "report.pdf"),
        ("..", "attachment"),
        (".hidden.txt", "hidden.txt"),
        ("../../../../../../tmp/evil.pdf", "evil.pdf"),
    ],
)
async def test_paths_in_filenames_are_dropped_and_the_file_lands_in_the_store(
    files_client, cast, tmp_path, filename, shown
):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)

    attachment = ok(await upload(files_client, member, item["id"], filename, b"just text"), 201)

    assert attachment["filename"] == shown
    on_disk = stored_files(tmp_path)
    assert on_disk == [tmp_path / STORE / on_disk[0].name]
    assert STORAGE_NAME.fullmatch(on_disk[0].name)
    assert not (tmp_path / "var" / "etc").exists() and not (tmp_path / "var" / "x").exists()
    assert not list(tmp_path.parent.glob("evil.pdf")) and not (tmp_path.parent / "etc").exists()
    download = await files_client.get(attachment["download_url"], headers=member)
    assert download.content == b"just text"
    assert f'filename="{shown}"' in download.headers["content-disposition"]


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("report\u202etxt.exe", "reporttxt.exe"),  # right-to-left override: would read "reportexe.txt"
        ("\u202bדוח\u202c.txt", "דוח.txt"),  # embedding and pop
        ("a\u2066b\u2067c\u2068d\u2069.txt", "abcd.txt"),  # the isolates
        ("\u202e\u202e", "attachment"),
        ("שלום\u200f.txt", "שלום\u200f.txt"),  # a right-to-left mark reorders nothing: kept
    ],
)
async def test_direction_controls_are_taken_out_of_file_names(files_client, cast, filename, shown):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)

    attachment = ok(await upload(files_client, member, item["id"], filename, b"just text"), 201)

    assert attachment["filename"] == shown
    download = await files_client.get(attachment["download_url"], headers=member)
    assert f"filename*=UTF-8''{quote(shown)}" in download.headers["content-disposition"]


@pytest.mark.parametrize(("title", "shown"), [("דוח\u202efdp.exe", "דוחfdp.exe"), (" \u2067נתונים\u2069 ", "נתונים")])
async def test_direction_controls_are_taken_out_of_knowledge_titles(files_client, cast, title, shown):
    member = await cast.auth("member")

    item = await add_item(files_client, member, cast, title=title)
    assert item["title"] == shown
    renamed = ok(
        await files_client.patch(f"{ITEMS}/{item['id']}", json={"title": "x\u202ey"}, headers=member | ANY_VERSION)
    )
    assert renamed["title"] == "xy"
    only_controls = await files_client.patch(
        f"{ITEMS}/{item['id']}", json={"title": "\u202e"}, headers=member | ANY_VERSION
    )
    assert_problem(only_controls, 422, "validation_error")


async def test_a_hebrew_filename_is_offered_in_utf8(files_client, cast):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    name = "דוח שנתי 2025.pdf"
    attachment = ok(await upload(files_client, member, item["id"], name, PDF_BYTES, "application/pdf"), 201)
    assert attachment["filename"] == name

    download = await files_client.get(attachment["download_url"], headers=member)

    disposition = download.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(name)}" in disposition
    ascii_fallback = re.search(r'filename="([^"]*)"', disposition).group(1)
    assert ascii_fallback.isascii() and ascii_fallback.endswith(" 2025.pdf")
    assert download.headers["cache-control"] == "private, no-store"
    assert download.content == PDF_BYTES


@pytest.mark.parametrize(("who", "status"), [("member", 200), ("observer", 200), ("facilitator", 200), ("admin", 200)])
async def test_those_who_see_the_item_download_its_files(files_client, cast, who, status):
    item = await add_item(files_client, await cast.auth("host"), cast, visibility="roundtable")
    attachment = ok(await upload(files_client, await cast.auth("host"), item["id"], "a.pdf", PDF_BYTES), 201)
    response = await files_client.get(attachment["download_url"], headers=await cast.auth(who))
    assert response.status_code == status and response.content == PDF_BYTES


@pytest.mark.parametrize("who", ["outsider", "anonymous", "facilitator2"])
async def test_others_do_not_learn_that_the_file_exists(files_client, cast, who):
    item = await add_item(files_client, await cast.auth("member"), cast, visibility="roundtable")
    attachment = ok(await upload(files_client, await cast.auth("member"), item["id"], "a.pdf", PDF_BYTES), 201)
    response = await files_client.get(attachment["download_url"], headers=await cast.auth(who))
    body = assert_problem(response, 404, "not_found")
    assert "a.pdf" not in response.text and body["detail"] == "No attachment with this id is visible to you."


async def test_files_of_a_public_item_are_public(files_client, cast):
    item = await add_item(files_client, await cast.auth("facilitator"), cast, visibility="public")
    attachment = ok(await upload(files_client, await cast.auth("facilitator"), item["id"], "open.pdf", PDF_BYTES), 201)
    for who in ("anonymous", "outsider"):
        assert (await files_client.get(attachment["download_url"], headers=await cast.auth(who))).content == PDF_BYTES


@pytest.mark.parametrize(
    ("who", "visibility", "status", "code"),
    [
        ("host", "roundtable", 403, "forbidden"),  # sees the member's item, did not add it
        ("observer", "roundtable", 403, "forbidden"),
        ("outsider", "public", 403, "forbidden"),
        ("anonymous", "public", 401, "not_authenticated"),
        ("outsider", "roundtable", 404, "not_found"),
        ("anonymous", "roundtable", 404, "not_found"),
    ],
)
async def test_only_those_who_may_edit_the_item_attach_to_it(
    files_client, cast, tmp_path, who, visibility, status, code
):
    item = await add_item(files_client, await cast.auth("member"), cast, visibility=visibility)
    assert_problem(await upload(files_client, await cast.auth(who), item["id"], "a.pdf", PDF_BYTES), status, code)
    assert stored_files(tmp_path) == []
    ok(await upload(files_client, await cast.auth("facilitator"), item["id"], "by-facilitator.pdf", PDF_BYTES), 201)


async def test_an_attachment_is_removed_by_who_may_edit_the_item(files_client, cast):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    attachment = ok(await upload(files_client, member, item["id"], "a.pdf", PDF_BYTES), 201)
    url = f"/api/v1/attachments/{attachment['id']}"

    assert_problem(await files_client.delete(url, headers=await cast.auth("host")), 403, "forbidden")
    assert_problem(await files_client.delete(url, headers=await cast.auth("outsider")), 404, "not_found")
    assert (await files_client.delete(url, headers=member)).status_code == 204

    assert_problem(await files_client.get(f"{url}/download", headers=member), 404, "not_found")
    assert ok(await files_client.get(f"{ITEMS}/{item['id']}", headers=member))["attachments"] == []


async def test_a_removed_attachment_takes_its_file_along(files_client, cast, tmp_path):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    attachment = ok(await upload(files_client, member, item["id"], "a.pdf", PDF_BYTES), 201)
    assert len(stored_files(tmp_path / STORE)) == 1

    assert (await files_client.delete(f"/api/v1/attachments/{attachment['id']}", headers=member)).status_code == 204

    assert stored_files(tmp_path / STORE) == []


async def test_a_refused_delete_keeps_the_file(files_client, cast, tmp_path):
    member = await cast.auth("member")
    item = await add_item(files_client, member, cast)
    attachment = ok(await upload(files_client, member, item["id"], "a.pdf", PDF_BYTES), 201)

    assert_problem(
        await files_client.delete(f"/api/v1/attachments/{attachment['id']}", headers=await cast.auth("host")),
        403,
        "forbidden",
    )

    assert len(stored_files(tmp_path / STORE)) == 1
    assert (await files_client.get(f"/api/v1/attachments/{attachment['id']}/download", headers=member)).content == (
        PDF_BYTES
    )


async def test_unknown_attachments_and_items_are_not_found(files_client, cast):
    member = await cast.auth("member")
    missing = "01a2264a-0000-7000-8000-000000000000"
    assert_problem(await files_client.get(f"/api/v1/attachments/{missing}/download", headers=member), 404, "not_found")
    assert_problem(await upload(files_client, member, missing, "a.pdf", PDF_BYTES), 404, "not_found")
    item = await add_item(files_client, member, cast)
    no_file = await files_client.post(f"{ITEMS}/{item['id']}/attachments", data={"other": "x"}, headers=member)
    assert_problem(no_file, 422, "validation_error")
