"""Sentence splitting: where a sentence ends."""
from __future__ import annotations

import pytest

from pipeline.segment import split_sentences


def _texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, start, end)]


@pytest.mark.parametrize("text, sentences", [
    ("Khối họp. Cụm họp.", ["Khối họp.", "Cụm họp."]),
    ("Tại TP. Hồ Chí Minh, ông A phát biểu. Sau đó", ["Tại TP. Hồ Chí Minh, ông A phát biểu.", "Sau đó"]),
    ("ThS. Nguyễn Văn A và ông. B", ["ThS. Nguyễn Văn A và ông. B"]),
    ("Tăng 1.3 lần. 12 đơn vị đạt.", ["Tăng 1.3 lần.", "12 đơn vị đạt."]),
    # closing quotes after the mark go with the break, not the sentence
    ("Ông nói: “Tốt.” Sau đó “Khối” họp!  (Ảnh) Xong… Hết", ["Ông nói: “Tốt.", "Sau đó “Khối” họp!",
                                                         "(Ảnh) Xong…", "Hết"]),
    ("dòng một\n  \n dòng hai. còn tiếp\n", ["dòng một", "dòng hai. còn tiếp"]),
    ("M.L viết. Ảnh: M.L", ["M.L viết.", "Ảnh: M.L"]),
])
def test_sentence_ends(text, sentences):
    assert _texts(text) == sentences


def test_offsets_within_a_window():
    text = "Đầu. Khối họp. Cụm họp.\nCuối."
    assert _texts(text, 5, 23) == ["Khối họp.", "Cụm họp."]
    assert [(s.start, s.end) for s in split_sentences(text, 5, 23)] == [(5, 14), (15, 23)]
