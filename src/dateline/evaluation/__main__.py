"""`make eval`: every project eval over ../shared/eval, read in place, one after another."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

# (module[:variant], how its command line takes the eval root)
EVALS = (
    ("timex", lambda root: [str(root / "timex" / "tbaq")]),
    ("figures", lambda root: ["--headlines", str(root / "figures" / "headlines" / "death-toll.dev.tsv"),
                              "--sentences", str(root / "figures" / "casualty_sentences")]),
    ("ocha", lambda root: [str(root / "figures" / "ocha"),
                           "--series", str(root / "figures" / "techforpalestine" / "casualties_daily.json")]),
    ("quotes", lambda root: [str(root / "quotes" / "polnear" / "dev")]),
    ("quotes:neural", lambda root: [str(root / "quotes" / "polnear" / "dev"), "--tagger", "neural"]),
    ("events", lambda root: [str(root)]),
    ("tls", lambda root: [str(root / "tls" / "t17")]),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation", description=__doc__)
    parser.add_argument("eval_dir", nargs="?", default="../shared/eval", help="The eval folder.")
    parser.add_argument("--only", default="", help="Comma-separated subset: " +
                        ",".join(name for name, _ in EVALS))
    args = parser.parse_args(argv)
    root = Path(args.eval_dir)
    if not root.is_dir():
        print(f"eval: {root} not found; nothing to measure", file=sys.stderr)
        return 2
    wanted = {w for w in args.only.split(",") if w}
    failed = 0
    for name, arguments in EVALS:
        if wanted and name not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        module = importlib.import_module(f"dateline.evaluation.{name.split(':')[0]}")
        failed += bool(module.main(arguments(root)))
        print(f"({name}: {time.perf_counter() - start:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
