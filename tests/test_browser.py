"""What a reader sees, in a real headless browser (Debian's chromium through Selenium): the
demo's search, a speaker page and a statement page. Screenshots go to test-artifacts/."""
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLES
from quotes.cli import main

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromedriver are not installed (scripts/browser)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo: the sample articles built and served by `quotes serve` on a free port."""
    db = tmp_path_factory.mktemp("browser") / "quotes.db"
    result = CliRunner().invoke(main, ["build", str(db), str(SAMPLES), "--no-progress",
                                       "--registry", str(ROOT / "db" / "speakers.yml")])
    assert result.exit_code == 0, result.output
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "quotes.cli", "serve", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60  # a loaded machine starts Datasette slowly
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"quotes serve did not come up on {base}")
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def visible_text(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.TAG_NAME, "body").text


def test_search_shows_the_quote_with_its_words_highlighted(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site + "/quotes/search?q=very+good")
    browser.save_screenshot(str(ARTIFACTS / "search.png"))
    marks = [m.text.lower() for m in browser.find_elements(By.TAG_NAME, "mark")]
    assert "very" in marks and "good" in marks
    assert "Dmitry Peskov" in visible_text(browser)


def test_speaker_page_of_dmitry_peskov(site, browser):
    browser.get(site + "/quotes/speaker?name=Peskov")
    browser.save_screenshot(str(ARTIFACTS / "speaker.png"))
    text = visible_text(browser)
    assert "Dmitry Peskov" in text and "spokesman for the Russian president" in text
    browser.get(site + "/quotes/speaker_quotes?name=Dmitry+Peskov")
    browser.save_screenshot(str(ARTIFACTS / "speaker-quotes.png"))
    assert "Nothing happened" in visible_text(browser)


def test_statement_page_shows_every_wording_in_its_sentence(site, browser):
    from selenium.webdriver.common.by import By

    with urllib.request.urlopen(site + "/quotes/search.json?q=nothing+happened&_shape=array") as r:
        statement = json.load(r)[0]["statement_id"]
    browser.get(site + f"/quotes/statement?id={statement}")
    browser.save_screenshot(str(ARTIFACTS / "statement.png"))
    marks = [m.text for m in browser.find_elements(By.TAG_NAME, "mark")]
    assert any("Nothing happened" in m for m in marks)
    assert "Dmitry Peskov" in visible_text(browser)
