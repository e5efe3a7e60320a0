"""Attachment files: what their bytes say they are, and where they live on disk."""

import hashlib
import io
import os
import re
import unicodedata
import uuid
import zipfile
from pathlib import Path

from shulchan.core.errors import UnprocessableEntity
from shulchan.core.schemas import without_bidi_controls

# What we accept, recognised by the file's first bytes, never by the name or the client's word.
_OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# An OpenDocument's mimetype entry is one short line. Read no more of it than this: an entry's declared
# size is the uploader's word, and a small upload can inflate to gigabytes (a zip bomb).
_MIMETYPE_READ_BYTES = 1024
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.presentation",
}


def sniff_content_type(data: bytes, filename: str) -> str:
    """The content type the bytes prove, or 422 when they are not on the allow-list."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/vnd.ms-office"  # legacy .doc/.xls/.ppt compound file
    if head.startswith(b"PK\x03\x04"):
        return _office_zip(data)
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return "text/csv" if filename.lower().endswith(".csv") else "text/plain"
    raise UnprocessableEntity(
        "This kind of file is not accepted: PDF, Office documents, images, CSV and plain text are.",
        code="unsupported_file_type",
    )


def _office_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = _short_entry(archive, "mimetype").strip()
                if mimetype in _OPENDOCUMENT:
                    return mimetype.decode()
            if "[Content_Types].xml" in names:
                for prefix, content_type in _OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return content_type
    except (zipfile.BadZipFile, KeyError, OSError):
        pass
    raise UnprocessableEntity("Only Office documents are accepted among zip-based files.", code="unsupported_file_type")


def _short_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    """An entry that is at most _MIMETYPE_READ_BYTES long, decompressed no further than one byte past
    that (a longer one answers b""). Deflate stops where asked; zipfile's bzip2 and LZMA readers
    inflate a whole compressed chunk at once, so those entries are not read at all."""
    entry = archive.getinfo(name)
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return b""
    with archive.open(entry) as stream:
        content = stream.read(_MIMETYPE_READ_BYTES + 1)
    return content if len(content) <= _MIMETYPE_READ_BYTES else b""


def safe_filename(name: str) -> str:
    """A display name with no path, no control characters (direction controls included: they can
    disguise an extension), not empty; the file on disk never uses it."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = without_bidi_controls(re.sub(r"[\x00-\x1f\x7f]", "", name)).strip().lstrip(".")
    return name[:200] or "attachment"


# A file being uploaded is written under this prefix and takes its storage name only once the row
# that names it is committed: a process killed in between leaves a ".partial-" file, never an
# orphan that looks like an attachment (`shulchan attachments verify` sweeps those up).
PARTIAL_PREFIX = ".partial-"
_STORAGE_NAME = re.compile(r"[0-9a-f]{32}")


def store(directory: Path, data: bytes) -> tuple[str, str]:
    """Writes the bytes, flushed to disk, under a partial name; returns (storage name, sha256).
    `publish` gives the file its storage name once its row is committed; `discard` takes it back."""
    directory.mkdir(parents=True, exist_ok=True)
    storage_name = uuid.uuid4().hex
    with partial_path(directory, storage_name).open("xb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    return storage_name, hashlib.sha256(data).hexdigest()


def publish(directory: Path, storage_name: str) -> None:
    """The committed file takes its storage name; the rename is made durable with the directory."""
    os.replace(partial_path(directory, storage_name), stored_path(directory, storage_name))
    _fsync_directory(directory)


def discard(directory: Path, storage_name: str) -> None:
    partial_path(directory, storage_name).unlink(missing_ok=True)


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def stored_path(directory: Path, storage_name: str) -> Path:
    if not _STORAGE_NAME.fullmatch(storage_name):
        raise ValueError("not a storage name")
    return directory / storage_name


def partial_path(directory: Path, storage_name: str) -> Path:
    return stored_path(directory, storage_name).with_name(PARTIAL_PREFIX + storage_name)


def storage_name_of(path: Path) -> tuple[str, bool] | None:
    """(storage name, whether still partial) of a file in the store; None for anything else."""
    name = path.name.removeprefix(PARTIAL_PREFIX)
    if not _STORAGE_NAME.fullmatch(name):
        return None
    return name, path.name != name
