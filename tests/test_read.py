"""Readers of every input format, and how inputs are walked (pipeline.read)."""
from __future__ import annotations

import gzip
import json
import shutil
import unicodedata
from pathlib import Path

from pipeline.model import RawArticle, ReadError
from pipeline.read import decode_bytes, iter_articles, iter_files

from helpers import cp1258

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "dev"
TEXT = ("Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2023\n\n"
        "Sáng 5.1, Ủy ban Kiểm tra Tỉnh ủy nhận Cờ trưởng khối.\n")




def read_all(*inputs, **kw):
    return list(iter_articles([str(i) for i in inputs], **kw))


def test_txt_utf8(tmp_path):
    p = tmp_path / "a1.txt"
    p.write_text(TEXT, encoding="utf-8")
    [art] = read_all(p)
    assert isinstance(art, RawArticle)
    assert art.article_id == "a1" and art.fmt == "txt" and art.source == str(p)
    assert art.text == TEXT and not art.warnings


def test_txt_with_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    [art] = read_all(p)
    assert art.text == TEXT


def test_txt_cp1258_decoded_with_warning(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes(cp1258(TEXT))
    [art] = read_all(p)
    assert isinstance(art, RawArticle)
    assert unicodedata.normalize("NFC", art.text) == TEXT
    assert art.warnings and "cp1258" in art.warnings[0]


def test_html_via_trafilatura():
    [art] = read_all(CORPUS / "html" / "d201.html")
    assert art.article_id == "d201" and art.fmt == "html"
    assert art.title == "Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2024"
    assert art.published == "2024-12-16" and art.author == "Kim Thoa"
    assert "ĐỌC NHIỀU" not in art.text  # the sidebar is left out


def test_jsonl_fields(tmp_path):
    arts = read_all(CORPUS / "batch.jsonl")
    assert [a.article_id for a in arts] == ["d101", "d102", "d103"]
    first = json.loads((CORPUS / "batch.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert arts[0].title == first["title"] and arts[0].text == first["text"]
    assert arts[0].url == first["url"] and arts[0].fmt == "jsonl"
    assert arts[0].source.endswith("batch.jsonl:1")


def test_jsonl_html_field_and_hashed_id(tmp_path):
    page = (CORPUS / "html" / "d202.html").read_text(encoding="utf-8")
    p = tmp_path / "pages.jsonl"
    p.write_text(json.dumps({"html": page, "published": "2019-12-27"}) + "\n", encoding="utf-8")
    [art] = read_all(p)
    assert art.article_id.startswith("h") and len(art.article_id) == 17
    assert "tổng kết" in art.text and art.published == "2019-12-27"


def test_jsonl_gz(tmp_path):
    gz = tmp_path / "batch.jsonl.gz"
    gz.write_bytes(gzip.compress((CORPUS / "batch.jsonl").read_bytes()))
    assert [a.article_id for a in read_all(gz)] == ["d101", "d102", "d103"]


def test_gzip_recognised_by_content(tmp_path):
    p = tmp_path / "zipped.jsonl"  # gzip bytes without the .gz name
    p.write_bytes(gzip.compress((CORPUS / "batch.jsonl").read_bytes()))
    assert [a.article_id for a in read_all(p)] == ["d101", "d102", "d103"]


def test_folder_walked_recursively_sorted(tmp_path):
    for rel in ["b/z.txt", "a/deep/er/y.txt", "a/x.txt", "c.txt"]:
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / "gold.json").write_text("{}")
    ids = [a.article_id for a in read_all(tmp_path)]
    assert ids == ["y", "x", "z", "c"]
    files = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert files == sorted(files) == ["a/deep/er/y.txt", "a/x.txt", "b/z.txt", "c.txt"]


def test_mixed_inputs_each_file_once(tmp_path):
    shutil.copy(CORPUS / "articles" / "d001.txt", tmp_path / "d001.txt")
    shutil.copy(CORPUS / "html" / "d201.html", tmp_path / "d201.html")
    shutil.copy(CORPUS / "batch.jsonl", tmp_path / "batch.jsonl")
    # the folder, one of its files again, and a missing path
    items = read_all(tmp_path, tmp_path / "d001.txt", tmp_path / "missing.txt")
    ids = [i.article_id for i in items]
    assert ids == ["d101", "d102", "d103", "d001", "d201", "missing"]
    assert isinstance(items[-1], ReadError) and "no such file" in items[-1].error


def test_unsupported_file_named_directly(tmp_path):
    p = tmp_path / "table.csv"
    p.write_text("a,b\n")
    [err] = read_all(p)
    assert isinstance(err, ReadError) and "unsupported" in err.error


def test_skip_predicate_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    lines = tmp_path / "c.jsonl"
    lines.write_text("\n".join(json.dumps({"id": f"c{i}", "text": "x"}) for i in range(3)),
                     encoding="utf-8")
    done = {str(tmp_path / "a.txt"), f"{lines}:2"}
    ids = [a.article_id for a in read_all(tmp_path, skip=done.__contains__)]
    assert ids == ["b", "c0", "c2"]


def test_max_chars_turns_huge_article_into_error(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("Tiêu đề\n" + "a" * 5000, encoding="utf-8")
    [err] = read_all(p, max_chars=1000)
    assert isinstance(err, ReadError) and "too long" in err.error
    [art] = read_all(p, max_chars=None)
    assert isinstance(art, RawArticle)


def test_decode_bytes_rejects_binary():
    for data in (b"abc\x00def", bytes(range(1, 32)) * 50):
        try:
            decode_bytes(data)
        except ValueError as exc:
            assert "binary" in str(exc)
        else:
            raise AssertionError("binary data decoded")


def test_a_photo_caption_is_article_text():
    """The contract: a fact stated only in a caption counts (a credit is handled later)."""
    from pipeline.read import html_to_article

    body = "".join(f"<p>Đoạn văn số {i} của bài viết về hội nghị tổng kết khối thi đua.</p>" for i in range(6))
    page = ("<html><head><title>Khối thi đua tổng kết</title></head><body><article>"
            f"{body}<figure><img src='a.jpg'><figcaption>Ông Lê Văn Nam, Giám đốc Sở Y tế phát biểu. "
            "Ảnh: T.H</figcaption></figure>" + body + "</article></body></html>")
    art = html_to_article(page, "p.html", "p")
    assert "Ông Lê Văn Nam, Giám đốc Sở Y tế phát biểu." in art.text
