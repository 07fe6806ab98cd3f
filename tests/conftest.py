from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def extractor():
    from quotes.extract import Extractor

    return Extractor()


@pytest.fixture
def quotes_in(extractor):
    """Extract the quotes of a small article written for the test."""
    from quotes.model import Article

    def run(text: str):
        return extractor.extract(Article(id="t", text=text))

    return run


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or skip the test when the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path
