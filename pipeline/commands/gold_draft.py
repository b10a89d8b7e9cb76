"""Placeholder until implemented."""
from __future__ import annotations

import argparse


def configure(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise SystemExit("not implemented yet")
