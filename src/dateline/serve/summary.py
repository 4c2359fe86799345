"""One-screen text summaries of a run and of one annotated article."""

from __future__ import annotations

from dateline.ingest.reasons import REASONS


def render(result, *, db: str) -> str:
    """The run summary: articles read, stored, skipped with reasons, facts found."""
    lines = [
        f"articles read      {result.read:>8}",
        f"  stored           {result.stored:>8}",
        f"  already stored   {result.already_stored:>8}",
        f"  duplicate in run {result.duplicate_in_run:>8}",
        f"records dropped    {sum(result.dropped.values()):>8}",
    ]
    for reason, count in result.dropped.most_common():
        lines.append(f"  {reason:16} {count:>8}  {REASONS.get(reason, '')}")
        for origin in result.drop_examples.get(reason, []):
            lines.append(f"      e.g. {origin}")
    lines.append(f"words              {result.words:>8}")
    lines.append("facts found        " + ", ".join(f"{k} {v}" for k, v in result.facts.items()))
    lines.append(f"store              {db}")
    return "\n".join(lines)


def render_facts(out: dict) -> str:
    """A readable listing of one annotate object."""
    lines = [f"date {out['date']}  source {out['source']}"]
    for kind in ("times", "places", "figures", "quotes", "events", "flags"):
        lines.append(f"{kind} ({len(out[kind])})")
        for fact in out[kind]:
            text = fact.get("text") or fact.get("detail") or ""
            extra = {k: v for k, v in fact.items() if k not in ("start", "end", "text") and v}
            lines.append(f"  [{fact.get('start', '')}:{fact.get('end', '')}] {text[:70]!r} {extra}")
    return "\n".join(lines)
