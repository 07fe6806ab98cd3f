"""Score extracted quotes against annotated articles, with the figures of ../shared/eval/score.py.

A prediction matches a gold quote when the character Jaccard of their spans, trimmed of white
space, quote marks and edge punctuation, is at least 0.5 (one to one, best pairs first).
Optional gold quotes are neither rewarded nor penalised; a gold quote without a speaker is
scored for its span alone. A speaker is right when its normalised name is the gold speaker's
canonical name or an alias, or when both the gold and the predicted source are unnamed
(group or anonymous).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

TRIM = " \t\r\n\"'“”„«»‘’‚‹›`.,;:!?-–—…"
MIN_JACCARD = 0.5
UNNAMED_KINDS = {"group", "anonymous"}
HONORIFICS_RE = re.compile(r"^(?:(?:mr|mrs|ms|dr|prof|sen|rep|gov|president|senator|mr\.)\s+)+")
GROUPS = ("direct", "reported")


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / (max(a[1], b[1]) - min(a[0], b[0])) if shared > 0 else 0.0


def normalise_name(name: str | None) -> str:
    """Case, accents, punctuation, a leading article and honorifics do not make another name."""
    if not name:
        return ""
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    name = re.sub(r"\s+", " ", re.sub(r"[^\w\s'-]", " ", name)).strip()
    name = re.sub(r"^(?:the|a|an) ", "", name)
    return HONORIFICS_RE.sub("", name)


def _match(gold: list[tuple[int, int]], mine: list[tuple[int, int]]) -> dict[int, int]:
    """Gold index -> prediction index, pairing the highest Jaccard first."""
    pairs = sorted(((jaccard(g, m), gi, mi) for gi, g in enumerate(gold) for mi, m in enumerate(mine)),
                   reverse=True)
    pairing: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, mi in pairs:
        if score < MIN_JACCARD:
            break
        if gi not in pairing and mi not in used:
            pairing[gi] = mi
            used.add(mi)
    return pairing


def _prf(tp: int, predicted: int, gold: int) -> dict[str, Any]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": predicted, "gold": gold}


def _section(c: dict[str, int]) -> dict[str, Any]:
    return {"span": _prf(c["span_tp"], c["predicted"], c["gold"]),
            "exact_span": _prf(c["exact_tp"], c["predicted"], c["gold"]),
            "end_to_end": _prf(c["speaker_tp"], c["predicted_spk"], c["gold_spk"]),
            "attribution_accuracy": round(c["speaker_tp"] / c["matched_spk"], 4) if c["matched_spk"] else 0.0}


def _group(kind: str | None) -> str:
    return "direct" if kind == "direct" else "reported"


def score(gold: Iterable[dict], predictions: Iterable[dict], n_errors: int = 0) -> dict[str, Any]:
    """Span, exact-span and end-to-end P/R/F1 and attribution accuracy by quote group."""
    gold = list(gold)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        by_article[str(p["article_id"])].append(p)
    counts: dict[str, dict[str, int]] = {g: defaultdict(int) for g in GROUPS}
    errors: list[dict] = []
    for article in gold:
        _score_article(article, by_article.pop(str(article["id"]), []), counts, errors)
    total: dict[str, int] = defaultdict(int)
    for c in counts.values():
        for k, v in c.items():
            total[k] += v
    result: dict[str, Any] = {g: _section(counts[g]) for g in GROUPS}
    result["all"] = _section(total)
    result["articles"] = len(gold)
    if by_article:
        result["predictions_for_unknown_articles"] = len(by_article)
    if n_errors:
        result["errors"] = errors[:n_errors]
    return result


def _score_article(article: dict, mine: list[dict], counts: dict[str, dict[str, int]], errors: list[dict]) -> None:
    aid, text = str(article["id"]), article["text"]
    names = {canon: {normalise_name(canon), *map(normalise_name, aliases)}
             for canon, aliases in article.get("speakers", {}).items()}
    gold = article["quotes"]
    gold_spans = [trimmed(text, q["start"], q["end"]) for q in gold]
    mine_spans = [trimmed(text, int(p["start"]), int(p["end"])) for p in mine]
    pairing = _match(gold_spans, mine_spans)
    for gi, g in enumerate(gold):
        if g.get("optional"):
            continue
        c = counts[_group(g["type"])]
        c["gold"] += 1
        c["gold_spk"] += g["speaker"] is not None
        if gi not in pairing:
            errors.append({"article_id": aid, "error": "missed", "gold_speaker": g["speaker"],
                           "type": g["type"], "quote": text[g["start"]:g["end"]][:160]})
            continue
        p = mine[pairing[gi]]
        c["span_tp"] += 1
        c["exact_tp"] += gold_spans[gi] == mine_spans[pairing[gi]]
        if g["speaker"] is None:
            continue
        c["matched_spk"] += 1
        both_unnamed = g.get("speaker_kind") in UNNAMED_KINDS and p.get("speaker_kind") in UNNAMED_KINDS
        if both_unnamed or normalise_name(p.get("speaker")) in names.get(g["speaker"], {normalise_name(g["speaker"])}):
            c["speaker_tp"] += 1
        else:
            errors.append({"article_id": aid, "error": "wrong speaker", "gold_speaker": g["speaker"],
                           "predicted_speaker": p.get("speaker"), "quote": text[g["start"]:g["end"]][:160]})
    matched = {mi: gi for gi, mi in pairing.items()}
    for mi, p in enumerate(mine):
        g = gold[matched[mi]] if mi in matched else None
        if g is not None and g.get("optional"):
            continue
        c = counts[_group(g["type"] if g else (p.get("type") or "direct"))]
        c["predicted"] += 1
        c["predicted_spk"] += g is None or g["speaker"] is not None
        if g is None:
            errors.append({"article_id": aid, "error": "spurious", "predicted_speaker": p.get("speaker"),
                           "quote": text[p["start"]:p["end"]][:160]})


def format_report(result: dict[str, Any]) -> str:
    """The three summary lines (and any error lines) that the reference scorer prints."""
    lines = []
    for group in (*GROUPS, "all"):
        s = result[group]
        lines.append(f"{group:9} span P/R/F1 {s['span']['precision']:.3f}/{s['span']['recall']:.3f}/"
                     f"{s['span']['f1']:.3f}  exact F1 {s['exact_span']['f1']:.3f}  attribution acc "
                     f"{s['attribution_accuracy']:.3f}  end-to-end F1 {s['end_to_end']['f1']:.3f}  "
                     f"(gold {s['span']['gold']}, predicted {s['span']['predicted']})")
    lines.extend(json.dumps(e, ensure_ascii=False) for e in result.get("errors", []))
    return "\n".join(lines)
