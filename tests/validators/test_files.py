"""Uploaded files: type by content, size, readable PDF and images, photograph size, safe names."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfWriter

from validators.files import safe_filename, sniff_content_type, validate_upload
from validators.registry import get_field_validator

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (40, 50)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format=fmt)
    return buffer.getvalue()


def pdf_bytes(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def code_of(fn, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        fn(*args, **kwargs)
    return error.value.code


@pytest.mark.parametrize(
    ("head", "content_type"),
    [(b"%PDF-1.7\n", PDF), (b"\xff\xd8\xff\xe0", JPEG), (b"\x89PNG\r\n\x1a\n\0", PNG), (b"<html>", None), (b"", None)],
)
def test_content_type_is_decided_by_magic_bytes(head, content_type):
    assert sniff_content_type(head) == content_type


def test_valid_pdf_upload_is_described():
    content = pdf_bytes()
    upload = SimpleUploadedFile("../Paszport skan.PDF", content, content_type="text/html")
    info = validate_upload(upload, accept=[PDF], max_size_mb=1)
    assert (info.content_type, info.size, info.sha256) == (PDF, len(content), hashlib.sha256(content).hexdigest())
    assert (info.safe_name, info.width, info.height) == ("Paszport_skan.pdf", None, None)
    assert upload.tell() == 0


def test_png_named_pdf_is_a_png_and_its_name_says_so():
    info = validate_upload(io.BytesIO(image_bytes()), accept=[PDF, PNG], max_size_mb=1)
    assert (info.content_type, info.width, info.height, info.safe_name) == (PNG, 40, 50, "file.png")
    upload = SimpleUploadedFile("scan.pdf", image_bytes())
    assert validate_upload(upload, accept=[PDF, PNG], max_size_mb=1).safe_name == "scan.png"
    upload = SimpleUploadedFile("photo.jpeg", image_bytes("JPEG"))
    assert validate_upload(upload, accept=[JPEG], max_size_mb=1).safe_name == "photo.jpeg"


def test_html_named_pdf_is_refused():
    upload = SimpleUploadedFile("x.pdf", b"<html><script>alert(1)</script></html>")
    assert code_of(validate_upload, upload, accept=[PDF], max_size_mb=1) == "upload_type"


def test_type_not_in_accept_is_refused():
    assert code_of(validate_upload, io.BytesIO(image_bytes()), accept=[PDF], max_size_mb=1) == "upload_type"


def test_too_large_file_is_refused_by_declared_or_real_size():
    big = b"%PDF-" + b"0" * (1024 * 1024)
    assert code_of(validate_upload, SimpleUploadedFile("a.pdf", big), accept=[PDF], max_size_mb=1) == "upload_too_large"
    stream = io.BytesIO(big)
    assert code_of(validate_upload, stream, accept=[PDF], max_size_mb=1) == "upload_too_large"
    assert stream.tell() == 0


def test_empty_file_is_refused():
    assert code_of(validate_upload, io.BytesIO(b""), accept=[PDF], max_size_mb=1) == "upload_empty"


def test_encrypted_or_damaged_pdf_is_refused():
    assert (
        code_of(validate_upload, io.BytesIO(pdf_bytes("secret")), accept=[PDF], max_size_mb=1) == "upload_pdf_encrypted"
    )
    damaged = io.BytesIO(b"%PDF-1.7\nthis is not a pdf")
    assert code_of(validate_upload, damaged, accept=[PDF], max_size_mb=1) == "upload_pdf_damaged"


def test_damaged_image_is_refused():
    truncated = io.BytesIO(image_bytes()[:30])
    assert code_of(validate_upload, truncated, accept=[PNG], max_size_mb=1) == "upload_image_damaged"


def test_photograph_must_meet_minimum_dimensions(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(image_bytes("JPEG", (492, 633)))
    with path.open("rb") as file:
        info = validate_upload(file, accept=[JPEG], max_size_mb=5, min_width=492, min_height=633)
        assert (info.width, info.height, info.safe_name) == (492, 633, "photo.jpg")
        small = io.BytesIO(image_bytes("JPEG", (300, 400)))
        assert code_of(validate_upload, small, accept=[JPEG], max_size_mb=5, min_width=492) == "upload_photo_too_small"


def test_photo_dimensions_field_validator():
    check = get_field_validator("photo_dimensions")
    photo = io.BytesIO(image_bytes("PNG", (500, 700)))
    assert check(photo, min_width=492, min_height=633) is photo
    assert photo.tell() == 0
    assert code_of(check, io.BytesIO(image_bytes("PNG", (500, 600))), min_width=492, min_height=633) == (
        "upload_photo_too_small"
    )
    assert code_of(check, io.BytesIO(pdf_bytes())) == "upload_type"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\jan\\Zdjęcie paszportu.JPG", "Zdjęcie_paszportu.jpg"),
        ("Паспорт.pdf", "Паспорт.pdf"),
        ("..", "file"),
        ("", "file"),
        (".bashrc", "bashrc"),
        ("-rf.pdf", "rf.pdf"),
        ("con.txt", "file_con.txt"),
        ("a\x00b\n.pdf", "ab.pdf"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
    ],
)
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe


@settings(max_examples=200)
@given(st.text(max_size=300), st.integers(min_value=8, max_value=120))
def test_safe_filename_never_has_separators_or_is_empty(name, max_length):
    safe = safe_filename(name, max_length=max_length)
    assert safe
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in {".", ".."} and not safe.startswith(".")
    assert len(safe) <= max_length
