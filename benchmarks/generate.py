"""Generate large benchmark inputs from corpus/ (nothing large is committed).

Each article is a corpus article with its people renamed, years shifted, and
day/month dates and small counts redrawn, so a batch of 100 000 is not the
same 49 texts over and over (caches cannot make it look fast) while keeping
the press's phrasing.  Relevant articles come from the gold-relevant dev
articles and the seeds; irrelevant ones from the dev negatives.

    python benchmarks/generate.py --n 100000 --relevant-share 0.1 --out mix.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Hồng", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai",
         "Nam", "Nga", "Phong", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vinh", "Yến"]

# One pass, so a value rewritten by one rule is never rewritten by another.
_NUMBERS = re.compile(
    r"(?P<date>(?<![\d.,/-])(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?![\d]|[./-]\d))"
    r"|(?P<year>(?<!\d)(?:19|20)\d{2}(?!\d))"
    r"|(?P<small>(?<![\d.,/-])\d{1,2}(?![\d.,/]))")


def load_pool() -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """(text, people names) of relevant and irrelevant corpus articles."""
    relevant, irrelevant = [], []
    for path in sorted((CORPUS / "dev" / "articles").glob("*.txt")):
        gold = json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        names = [p["name"] for p in gold.get("people") or [] if p.get("name")]
        item = (path.read_text(encoding="utf-8"), names)
        (relevant if gold["article"]["relevant"] else irrelevant).append(item)
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        relevant.append((path.read_text(encoding="utf-8"), []))
    return relevant, irrelevant


def vary(text: str, names: list[str], rng: random.Random) -> str:
    for name in names:
        new = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        text = text.replace(name, new).replace(name.upper(), new.upper())
    shift = rng.randint(-3, 2)

    def number(m: re.Match) -> str:
        if m.group("date"):
            d, mo = rng.randint(1, 28), rng.randint(1, 12)
            return f"{d:0{len(m.group('d'))}d}{m.group('sep')}{mo:0{len(m.group('m'))}d}"
        if m.group("year"):
            year = int(m.group("year"))
            return str(year + shift if year + shift <= 2026 else year)
        return f"{rng.randint(2, 15):0{len(m.group('small'))}d}"
    return _NUMBERS.sub(number, text)


def generate(n: int, relevant_share: float, seed: int = 1):
    """Yield ``n`` JSONL records; exactly round(n * share) relevant, spread evenly."""
    rng = random.Random(seed)
    relevant, irrelevant = load_pool()
    n_rel = round(n * relevant_share)
    acc = 0.0
    for i in range(n):
        acc += n_rel / n if n else 0
        pick_rel = acc >= 1 - 1e-9
        if pick_rel:
            acc -= 1
        text, names = rng.choice(relevant if pick_rel or not irrelevant else irrelevant)
        title, _, body = vary(text, names, rng).partition("\n")
        yield {"id": f"b{i:07d}", "title": title.strip(), "text": body.lstrip("\n")}


def write_jsonl(path: Path, n: int, relevant_share: float, seed: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for rec in generate(n, relevant_share, seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--relevant-share", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    write_jsonl(Path(a.out), a.n, a.relevant_share, a.seed)


if __name__ == "__main__":
    main()
