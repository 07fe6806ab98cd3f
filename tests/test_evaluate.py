"""Our scorer gives the figures of the reference scorer, ../shared/eval/score.py."""
import json
import random
import subprocess
import sys

import pytest

from conftest import shared_file
from quotes.evaluate import format_report, normalise_name, score

ARTICLE = {"id": "a", "text": 'Intro. "We will win," said Mr. Peskov. Experts say prices rise. "Spark" here.',
           "quotes": [{"start": 8, "end": 20, "type": "direct", "speaker": "Dmitry Peskov", "optional": False},
                      {"start": 51, "end": 62, "type": "indirect", "speaker": "experts",
                       "speaker_kind": "group", "optional": False},
                      {"start": 65, "end": 70, "type": "direct", "speaker": None, "optional": True}],
           "speakers": {"Dmitry Peskov": ["Peskov"], "experts": []}}


def pred(start, end, speaker, kind="person", type_="direct"):
    return {"article_id": "a", "start": start, "end": end, "speaker": speaker, "speaker_kind": kind, "type": type_}


def test_perfect_predictions():
    result = score([ARTICLE], [pred(8, 20, "Peskov"), pred(51, 62, None, "group", "indirect")])
    assert result["all"]["end_to_end"]["f1"] == 1.0


def test_spans_match_by_jaccard_after_trimming():
    assert score([ARTICLE], [pred(7, 21, "Peskov")])["direct"]["span"]["tp"] == 1  # marks trimmed
    assert score([ARTICLE], [pred(8, 12, "Peskov")])["direct"]["span"]["tp"] == 0  # too short a piece


def test_a_wrong_speaker_counts_for_the_span_only():
    result = score([ARTICLE], [pred(8, 20, "Lavrov")])["direct"]
    assert result["span"]["tp"] == 1 and result["end_to_end"]["tp"] == 0 and result["attribution_accuracy"] == 0


def test_optional_quotes_are_neither_rewarded_nor_penalised():
    with_optional = score([ARTICLE], [pred(8, 20, "Peskov"), pred(65, 70, None)])
    assert with_optional["direct"]["span"]["predicted"] == 1


def test_names_are_normalised():
    assert normalise_name("Mr. Peskov") == "peskov" == normalise_name("the PESKOV")
    assert score([ARTICLE], [pred(8, 20, "Mr Peskov")])["direct"]["end_to_end"]["tp"] == 1


def _perturbed(gold, rng):
    """Predictions derived from gold with shifted spans, drops, spurious spans and wrong speakers."""
    out = []
    for art in gold:
        names = list(art.get("speakers", {})) + [None]
        for q in art["quotes"]:
            if rng.random() < 0.15:
                continue
            s, e = q["start"] + rng.randint(-8, 8), q["end"] + rng.randint(-12, 12)
            speaker = q["speaker"] if rng.random() < 0.7 else rng.choice(names)
            kind = rng.choice(["person", "group", "anonymous", None])
            e = min(max(1, e), len(art["text"]))
            out.append({"article_id": art["id"], "start": max(0, s), "end": e, "speaker": speaker,
                        "speaker_kind": kind, "type": rng.choice(["direct", "indirect", "mixed"])})
        for _ in range(rng.randint(0, 3)):
            s = rng.randrange(len(art["text"]))
            e = min(s + rng.randint(5, 80), len(art["text"]))
            out.append({"article_id": art["id"], "start": s, "end": e, "speaker": None,
                        "speaker_kind": None, "type": "direct"})
    out.append({"article_id": "no-such-article", "start": 0, "end": 5, "speaker": None, "type": "direct"})
    return out


@pytest.mark.parametrize("name", ["seeds.jsonl", "polnear-dev.jsonl", "polnear-dev-resolved.jsonl"])
def test_agrees_with_the_reference_scorer(tmp_path, name):
    gold_path = shared_file("gold", name)
    reference = shared_file("eval", "score.py")
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    for seed in range(3):
        predictions = _perturbed(gold, random.Random(seed))
        path = tmp_path / f"pred{seed}.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
        run = subprocess.run([sys.executable, str(reference), str(gold_path), str(path), "--json", "--errors", "30"],
                             capture_output=True, text=True, check=True)
        assert score(gold, predictions, 30) == json.loads(run.stdout)
        text = subprocess.run([sys.executable, str(reference), str(gold_path), str(path)],
                              capture_output=True, text=True, check=True).stdout
        assert format_report(score(gold, predictions)) == text.rstrip("\n")
