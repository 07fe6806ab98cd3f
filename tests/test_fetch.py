"""`quotes fetch` against a local HTTP server on 127.0.0.1: feeds, robots.txt, slow, failing and
redirecting pages, the delay between requests, and never the same page twice."""
import json
import sqlite3
import time

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Response

from conftest import SHARED
from quotes.articles import read_articles
from quotes.cli import main

PAGE = """<html><head><title>{title}</title><meta name="date" content="2020-09-16"></head><body><article>
<h1>{title}</h1><p>"Nothing happened," Dmitry Peskov told reporters on Wednesday. "The talks were very good."</p>
<p>The meeting in Sochi lasted three hours, according to officials who spoke after it ended late at night.</p>
</article></body></html>"""


def page(title="Talks in Sochi"):
    return PAGE.format(title=title)


def feed(server, paths):
    items = "".join(f"<item><title>{p}</title><link>{server.url_for(p)}</link>"
                    f"<pubDate>Wed, 16 Sep 2020 10:00:00 GMT</pubDate></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'


@pytest.fixture(scope="module")
def make_httpserver():
    """pytest-httpserver's server on 127.0.0.1, threaded so that a slow page does not hold up the rest."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def server(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n",
                                                               content_type="text/plain")
    return httpserver


def fetch(folder, *args):
    return CliRunner().invoke(main, ["fetch", "--out", str(folder), "--backoff", "0.01", "--delay", "0",
                                     *map(str, args)], catch_exceptions=False)


def requested(server, path):
    return sum(1 for request, _ in server.log if request.path == path)


def articles(folder):
    return [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_feed_is_fetched_once_with_text_metadata_and_raw_html(server, tmp_path):
    for path, title in (("/a", "Talks in Sochi"), ("/b", "Minsk answers")):
        server.expect_request(path).respond_with_data(page(title), content_type="text/html")
    server.expect_request("/feed.xml").respond_with_data(feed(server, ["/a", "/b"]),
                                                         content_type="application/rss+xml")
    result = fetch(tmp_path, "--feed", server.url_for("/feed.xml"))
    assert result.exit_code == 0, result.output
    assert "2 pages fetched" in result.output
    got = {a["title"]: a for a in articles(tmp_path)}
    assert set(got) == {"Talks in Sochi", "Minsk answers"}
    assert got["Talks in Sochi"]["url"] == server.url_for("/a") and got["Talks in Sochi"]["published"] == "2020-09-16"
    assert "Peskov told reporters" in got["Talks in Sochi"]["text"]
    raw = list(read_articles([tmp_path / "pages.warc.gz"]))  # the raw pages, readable by quotes build too
    assert sorted(a.url for a in raw) == [server.url_for("/a"), server.url_for("/b")]

    again = fetch(tmp_path, "--feed", server.url_for("/feed.xml"))
    assert "0 pages fetched, 2 fetched before" in again.output
    assert requested(server, "/a") == 1 and requested(server, "/b") == 1 and len(articles(tmp_path)) == 2


def test_robots_txt_is_honoured(server, tmp_path):
    server.expect_request("/private/memo").respond_with_data(page(), content_type="text/html")
    result = fetch(tmp_path, server.url_for("/private/memo"))
    assert "1 disallowed by robots.txt" in result.output and requested(server, "/private/memo") == 0


def test_a_failing_page_is_retried_with_back_off(server, tmp_path):
    calls = []

    def flaky(request):
        calls.append(time.monotonic())
        return Response(page(), status=503 if len(calls) < 3 else 200, content_type="text/html")

    server.expect_request("/flaky").respond_with_handler(flaky)
    result = fetch(tmp_path, "--backoff", "0.2", server.url_for("/flaky"))
    assert "1 pages fetched" in result.output and len(calls) == 3
    assert calls[1] - calls[0] >= 0.2 and calls[2] - calls[1] >= 0.4  # the wait doubles
    attempts = sqlite3.connect(tmp_path / "fetch.db").execute("select attempts from pages").fetchone()
    assert attempts == (3,)


def test_a_slow_page_times_out_and_the_others_go_on(server, tmp_path):
    calls = []

    def slow(request):
        calls.append(request.path)
        time.sleep(1.0)
        return Response(page(), content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/fast").respond_with_data(page(), content_type="text/html")
    result = fetch(tmp_path, "--timeout", "0.2", "--retries", "1", server.url_for("/slow"), server.url_for("/fast"))
    assert result.exit_code == 0
    assert "1 pages fetched" in result.output and "1 failed" in result.output and "timed out" in result.output
    assert calls == ["/slow", "/slow"]  # tried twice
    error = sqlite3.connect(tmp_path / "fetch.db").execute("select error from pages where url like '%slow'").fetchone()
    assert "timed out" in error[0]


def test_a_missing_page_is_a_failure_not_retried(server, tmp_path):
    server.expect_request("/gone").respond_with_data("no", status=404)
    result = fetch(tmp_path, server.url_for("/gone"))
    assert "1 failed" in result.output and "HTTP 404" in result.output and requested(server, "/gone") == 1


def test_a_redirect_is_followed_and_its_target_never_fetched_again(server, tmp_path):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": server.url_for("/new")})
    server.expect_request("/new").respond_with_data(page(), content_type="text/html")
    fetch(tmp_path, server.url_for("/old"))
    [article] = articles(tmp_path)
    assert article["url"] == server.url_for("/new")
    result = fetch(tmp_path, server.url_for("/new"), server.url_for("/old"))
    assert "2 fetched before" in result.output and requested(server, "/new") == 1


def test_requests_to_one_host_keep_the_delay(server, tmp_path):
    times = []

    def timed(request):
        times.append(time.monotonic())
        return Response(page(), content_type="text/html")

    for path in ("/1", "/2", "/3"):
        server.expect_request(path).respond_with_handler(timed)
    CliRunner().invoke(main, ["fetch", "--out", str(tmp_path), "--delay", "0.3",
                              *(server.url_for(p) for p in ("/1", "/2", "/3"))], catch_exceptions=False)
    assert len(times) == 3
    assert all(later - earlier >= 0.29 for earlier, later in zip(times, times[1:]))


def test_bad_arguments_are_clear_errors(tmp_path):
    assert "give at least one URL" in CliRunner().invoke(main, ["fetch", "--out", str(tmp_path)]).output
    result = CliRunner().invoke(main, ["fetch", "--out", str(tmp_path), "ftp://example.org/x"])
    assert result.exit_code == 1 and "is not an http(s) URL" in result.output


def test_the_pages_of_the_shared_html_corpus_come_back_as_articles(server, tmp_path):
    folder = SHARED / "corpora" / "html" / "trafilatura-eval-en" / "html"
    if not folder.exists():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.glob("*.html"))[:12]
    for file in files:
        server.expect_request(f"/news/{file.name}").respond_with_data(file.read_bytes(), content_type="text/html")
    server.expect_request("/feed.xml").respond_with_data(
        feed(server, [f"/news/{f.name}" for f in files]), content_type="application/rss+xml")
    result = fetch(tmp_path, "--feed", server.url_for("/feed.xml"))
    assert result.exit_code == 0
    fetched = articles(tmp_path)
    assert len(fetched) >= 10 and all(a["text"].strip() and a["url"] for a in fetched)
    build = CliRunner().invoke(main, ["build", str(tmp_path / "q.db"), str(tmp_path / "articles.jsonl"),
                                      "--no-progress", "--workers", "1"], catch_exceptions=False)
    assert build.exit_code == 0 and f"{len(fetched)} written" in build.output
