"""The collection page in headless Chromium, opened from disk: search, filters, dialog, safety."""

from __future__ import annotations

import importlib.util
import os
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import CHROMIUM, CHROMIUM_ARGS

from tasks.export import write_site

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
IMAGE_HOST = "img.test"  # served by the route below
BROKEN_HOST = "broken.test"  # aborted: stands for an offline cover
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(1)</script>"


def _load_page_timing():
    spec = importlib.util.spec_from_file_location(
        "page_timing", Path(__file__).with_name("page_timing.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png(rgb: tuple[int, int, int] = (180, 70, 40), size: int = 8) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def album(release_id: int, artist: str, title: str, **extra: object) -> dict:
    record = {
        "release_id": release_id,
        "artist": artist,
        "artists": [artist],
        "title": title,
        "year": None,
        "labels": [],
        "catnos": [],
        "formats": ["Vinyl, LP, Album"],
        "media": "Vinyl",
        "genres": [],
        "styles": [],
        "cover_image": None,
        "thumb": None,
        "date_added": "2024-01-01T00:00:00+00:00",
        "rating": None,
        "discogs_url": f"https://www.discogs.com/release/{release_id}",
        "copies": 1,
        "spotify_status": "not_found",
        "spotify_url": None,
        "ai_description": None,
    }
    record.update(extra)
    return record


ALBUMS = [
    album(
        1001, "Miles Davis", "Kind of Blue", year=1959, genres=["Jazz"], styles=["Modal"],
        labels=["Columbia"], catnos=["CL 1355"], rating=5,
        cover_image=f"https://{IMAGE_HOST}/1001.png", thumb=f"https://{IMAGE_HOST}/1001-t.png",
        media_condition="Very Good Plus (VG+)", sleeve_condition="Very Good (VG)",
        date_added="2024-06-01T10:00:00+00:00", spotify_status="matched",
        spotify_url="https://open.spotify.com/album/1weenld61qoidwYuZ1GESA",
        spotify_name="Kind Of Blue", spotify_artists=["Miles Davis"],
        spotify_release_date="1959-08-17", spotify_total_tracks=5, spotify_match_score=0.98,
        ai_description="A cool, modal landmark recorded in two sessions.", ai_model="mistral24b",
        ai_language="en",
    ),
    album(
        1002, "Björk", "Homogenic", year=1997, genres=["Electronic"], styles=["Trip Hop"],
        formats=["CD, Album"], media="CD", labels=["One Little Indian"], catnos=["TPLP71CD"],
        date_added="2024-05-01T10:00:00+00:00", spotify_status="matched",
        spotify_url="https://open.spotify.com/album/3JvOQ1bW9ZmTmW5CZuZ3sK",
    ),
    album(
        1003, "Simon & Garfunkel", "Bookends", year=1968, genres=["Rock", "Folk, World, & Country"],
        styles=["Folk Rock"], cover_image=f"https://{BROKEN_HOST}/1003.jpg", rating=4,
        date_added="2024-07-01T10:00:00+00:00",
        ai_description="Side one is a suite about ageing.\nSide two collects the singles.",
    ),
    album(
        1004, "Evil Artist", XSS_IMG, year=2001, genres=["Rock"],
        spotify_url="javascript:alert(1)", discogs_url="javascript:alert(2)",
        cover_image="javascript:alert(3)", spotify_status="uncertain",
        spotify_candidate_url="javascript:alert(4)",
    ),
    album(
        1005, "\"Quotes\" & 'Apostrophes' <!--", XSS_SCRIPT, year=1985, genres=["Pop"],
        notes="<b>not bold</b>", ai_description="<script>alert(3)</script>",
        custom_fields={"<i>field</i>": "<u>value</u>"},
    ),
    album(1006, "坂本龍一", "戦場のメリークリスマス", year=1983, genres=["Electronic"],
          formats=["CD, Album"], media="CD", spotify_status="uncertain",
          spotify_name="Merry Christmas Mr. Lawrence", spotify_artists=["Ryuichi Sakamoto"],
          spotify_match_score=0.71,
          spotify_candidate_url="https://open.spotify.com/album/6bVVuTuLgcXxmcBDhj3lGq"),
    album(1007, "فيروز", "وحدن", year=1979, genres=["Folk, World, & Country"]),
    album(1008, "Emoji 🎸 Band", "🔥 Fire 🔥", media="Cassette", formats=["Cassette, Album"],
          spotify_image=f"https://{IMAGE_HOST}/1008-spotify.png"),
] + [
    album(2000 + i, f"Filler Artist {i:02d}", f"Filler Record {i:02d}", year=1990 + i % 30,
          genres=["Pop"], date_added=f"2023-01-{1 + i % 28:02d}T00:00:00+00:00")
    for i in range(70)
]
SUMMARY = {
    "synced_at": "2025-01-15T03:00:00+00:00", "albums": len(ALBUMS), "artists": len(ALBUMS),
    "spotify_matched": 2, "ai_described": 3, "added": 5, "removed": 1, "source": "api",
    "demo": True,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("site")
    return write_site(ALBUMS, SUMMARY, out, generated_at="2025-01-15T03:00:00+00:00")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watch:
    """What a page did that a test must see: console errors, dialogs, requests."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[tuple[str, str]] = []


def _serve(route) -> None:
    url = route.request.url
    if url.startswith(f"https://{IMAGE_HOST}/"):
        route.fulfill(status=200, content_type="image/png", body=_png())
    else:
        route.abort()


def _open(browser, site, fragment: str = "", **context_options):
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    page = context.new_page()
    watch = Watch()

    def on_console(message) -> None:
        location = message.location.get("url", "") if message.location else ""
        # A cover that cannot load (offline) is expected and shows the placeholder instead.
        if message.type == "error" and not (
            message.text.startswith("Failed to load resource") and BROKEN_HOST in location
        ):
            watch.errors.append(message.text)

    def on_dialog(dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.errors.append(f"pageerror: {error}"))
    page.on("dialog", on_dialog)
    page.on("request", lambda r: watch.requests.append((r.resource_type, r.url)))
    page.route(re.compile(r"^https?://"), _serve)
    page.goto(site["html"].resolve().as_uri() + fragment)
    page.wait_for_selector("html[data-ready='true']")
    return context, page, watch


@pytest.fixture
def opened(browser, site) -> Iterator:
    context, page, watch = _open(browser, site)
    yield page, watch
    try:
        assert watch.errors == []
        assert watch.dialogs == []
    finally:
        context.close()


def card_titles(page) -> list[str]:
    return page.locator("#grid .card .t").all_inner_texts()


def search(page, text: str) -> None:
    page.fill("#q", text)


def hash_params(page) -> str:
    return page.evaluate("location.hash")


def test_page_renders_from_disk_without_fetching_data(opened):
    page, watch = opened
    assert page.inner_text("#count") == "78 albums"
    assert page.locator("#grid .card").count() == 60
    assert page.inner_text("#more") == "Show 18 more (18 left)"
    # A DOM click, not a scroll-then-click: scrolled near, the button loads the rest by itself
    # (and hides), which would leave a pointer click nothing to hit.
    page.locator("#more").dispatch_event("click")
    assert page.locator("#grid .card").count() == 78
    assert page.is_hidden("#more")
    assert page.inner_text(".demo-banner").startswith("DEMO")
    footer = page.inner_text(".site-footer")
    assert "Last synced 15 Jan 2025, 03:00 UTC" in footer
    assert "Data provided by Discogs" in footer
    assert page.get_attribute(".site-footer a", "href") == "https://www.discogs.com/"
    assert page.inner_text(".stats").split() == [
        "Albums", "78", "Artists", "78", "On", "Spotify", "3%", "AI", "described", "4%",
    ]
    fetched = [(kind, url) for kind, url in watch.requests if not url.startswith("file:")]
    assert all(kind == "image" for kind, _ in fetched), fetched
    assert not any("collection.json" in url for _, url in watch.requests)
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "page-desktop.png"))


def test_scrolling_to_the_end_of_the_grid_shows_the_rest(opened):
    from playwright.sync_api import expect

    page, _ = opened
    assert page.locator("#grid .card").count() == 60
    page.mouse.wheel(0, 100_000)  # scroll as a reader would (the page's CSP forbids eval)
    expect(page.locator("#grid .card")).to_have_count(78)
    assert page.is_hidden("#more")


def test_search_filters_sort_and_shareable_url(opened):
    page, _ = opened
    search(page, "kind of")
    assert card_titles(page) == ["Kind of Blue"]
    assert page.inner_text("#count") == "1 of 78 albums"
    assert hash_params(page) == "#q=kind+of"
    search(page, "columbia")  # a label
    assert card_titles(page) == ["Kind of Blue"]
    search(page, "tplp71")  # a catalogue number
    assert card_titles(page) == ["Homogenic"]
    search(page, "bjork")  # accents folded
    assert card_titles(page) == ["Homogenic"]
    search(page, "zzz no match")
    assert page.is_visible("#empty")
    search(page, "")

    page.select_option("#f-genre", "Electronic")
    assert sorted(card_titles(page)) == ["Homogenic", "戦場のメリークリスマス"]
    page.check("#f-spotify")
    assert card_titles(page) == ["Homogenic"]
    page.uncheck("#f-spotify")
    page.select_option("#f-genre", "")
    page.select_option("#f-decade", "1960")
    assert card_titles(page) == ["Bookends"]
    page.select_option("#f-decade", "")
    page.select_option("#f-format", "Cassette")
    assert card_titles(page) == ["🔥 Fire 🔥"]
    page.select_option("#f-format", "")
    page.check("#f-desc")
    assert sorted(card_titles(page)) == sorted([XSS_SCRIPT, "Bookends", "Kind of Blue"])
    page.uncheck("#f-desc")

    page.select_option("#sort", "year-asc")
    assert card_titles(page)[:3] == ["Kind of Blue", "Bookends", "وحدن"]
    page.select_option("#sort", "rating")
    assert card_titles(page)[:2] == ["Kind of Blue", "Bookends"]
    page.select_option("#sort", "added")
    assert card_titles(page)[:3] == ["Bookends", "Kind of Blue", "Homogenic"]
    page.select_option("#sort", "title")
    assert card_titles(page)[:4] == [XSS_SCRIPT, XSS_IMG, "🔥 Fire 🔥", "Bookends"]

    page.select_option("#sort", "year-desc")
    page.select_option("#f-genre", "Rock")
    search(page, "a")
    shared = page.evaluate("location.href")
    assert "#q=a&genre=Rock&sort=year-desc" in shared
    expected = card_titles(page)
    assert expected == [XSS_IMG, "Bookends"]
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_selector("html[data-ready='true']")
    assert page.input_value("#q") == "a"
    assert page.input_value("#f-genre") == "Rock"
    assert page.input_value("#sort") == "year-desc"
    assert card_titles(page) == expected
    page.click("#reset")
    assert page.inner_text("#count") == "78 albums"
    assert hash_params(page) == "#sort=year-desc"


def test_chart_bar_filters_the_grid(opened):
    page, _ = opened
    page.click('.chart-genre a[href="#genre=Jazz"]')
    assert page.input_value("#f-genre") == "Jazz"
    assert card_titles(page) == ["Kind of Blue"]


def test_album_dialog_shows_facts_buttons_and_description(opened):
    page, _ = opened
    search(page, "kind of blue")
    page.click("#grid .card-link")
    dialog = page.locator("#album")
    assert dialog.is_visible()
    assert hash_params(page) == "#release-1001"
    assert page.inner_text("#album-title") == "Kind of Blue"
    assert page.inner_text("#album-artist") == "Miles Davis"
    facts = page.inner_text("#album-facts")
    for fact in ["1959", "Columbia — CL 1355", "Vinyl, LP, Album", "Jazz", "Modal",
                 "Very Good Plus (VG+)", "Very Good (VG)", "Kind Of Blue — Miles Davis",
                 "5 tracks", "match 98%"]:
        assert fact in facts
    assert page.get_attribute("#album-facts .stars", "aria-label") == "5 out of 5"
    spotify = page.locator("#album-actions a.btn-spotify")
    assert spotify.inner_text() == "Listen on Spotify"
    assert spotify.get_attribute("href") == "https://open.spotify.com/album/1weenld61qoidwYuZ1GESA"
    assert spotify.get_attribute("target") == "_blank"
    assert spotify.get_attribute("rel") == "noopener noreferrer"
    green = spotify.evaluate("a => getComputedStyle(a).backgroundColor")
    assert green == "rgb(29, 185, 84)"
    discogs = page.locator("#album-actions a.btn-discogs")
    assert discogs.inner_text() == "View on Discogs"
    assert discogs.get_attribute("href") == "https://www.discogs.com/release/1001"
    assert discogs.get_attribute("rel") == "noopener noreferrer"
    assert "A cool, modal landmark" in page.inner_text("#album-desc")
    assert page.get_attribute("#album-cover img", "alt") == "Cover of Kind of Blue by Miles Davis"
    page.screenshot(path=str(ARTIFACTS / "page-dialog.png"))

    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert hash_params(page) == "#q=kind+of+blue"
    assert page.evaluate("document.activeElement.dataset.key") == "release-1001"

    search(page, "homogenic")
    page.click("#grid .card-link")
    assert page.locator("#album-actions a").all_inner_texts() == ["View on Discogs"] + [
        "Listen on Spotify"
    ]
    assert page.inner_text("#album-desc") == "No description yet"
    page.click("#close")
    search(page, "bookends")
    page.click("#grid .card-link")
    assert page.locator("#album-actions a").all_inner_texts() == ["View on Discogs"]
    assert page.locator("#album-desc .ai-text").inner_text() == (
        "Side one is a suite about ageing.\nSide two collects the singles."
    )
    assert "Not linked (not found)" in page.inner_text("#album-facts")


def test_an_uncertain_album_offers_its_possible_match_apart_from_the_button(opened):
    page, _ = opened
    search(page, "戦場")
    page.click("#grid .card-link")
    maybe = page.locator("#album-actions .maybe")
    assert maybe.locator(".maybe-head").inner_text() == (
        "Possible match on Spotify (not confirmed)")
    link = maybe.locator("a")
    assert link.inner_text() == "Merry Christmas Mr. Lawrence — Ryuichi Sakamoto"
    assert link.get_attribute("href") == "https://open.spotify.com/album/6bVVuTuLgcXxmcBDhj3lGq"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert maybe.locator(".maybe-how").inner_text() == (
        "Match 71%, too weak to link. To confirm or reject it, run discogs-sync review.")
    assert page.locator("#album-actions .btn-spotify").count() == 0
    style = maybe.evaluate("b => [getComputedStyle(b).borderStyle, "
                           "getComputedStyle(b).backgroundColor]")
    assert style[0] == "dashed" and style[1] != "rgb(29, 185, 84)"
    assert "Not linked: the match is not confirmed" in page.inner_text("#album-facts")
    page.screenshot(path=str(ARTIFACTS / "page-possible-match.png"))


def test_dialog_keyboard_arrows_focus_trap_and_restore(opened):
    page, _ = opened
    titles = card_titles(page)
    first = page.locator("#grid .card-link").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.locator("#album").is_visible()
    assert page.inner_text("#album-title") == titles[0]
    assert page.evaluate("document.activeElement.id") == "close"
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#album-title") == titles[1]
    assert page.inner_text("#album-pos") == "2 of 78"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#album-pos") == "78 of 78"
    page.keyboard.press("ArrowRight")
    inside = "document.getElementById('album').contains(document.activeElement)"
    for key in ["Tab"] * 8 + ["Shift+Tab"] * 8:
        page.keyboard.press(key)
        assert page.evaluate(inside), key
    page.keyboard.press("Escape")
    assert not page.locator("#album").is_visible()
    assert page.evaluate("document.activeElement.dataset.key") == first.get_attribute("data-key")


def test_deep_link_opens_the_album(browser, site):
    context, page, watch = _open(browser, site, "#release-1003")
    try:
        page.wait_for_function("() => document.getElementById('album').open", polling=50)
        assert page.inner_text("#album-title") == "Bookends"
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('album').open", polling=50)
        assert hash_params(page) == ""
        page.evaluate("location.hash = '#release-1006'")
        page.wait_for_function("() => document.getElementById('album').open", polling=50)
        assert page.inner_text("#album-title") == "戦場のメリークリスマス"
        page.keyboard.press("Escape")
        page.evaluate("location.hash = '#release-999999'")
        page.wait_for_selector("#notice:not([hidden])")
        assert page.inner_text("#notice") == "Album 999999 is not in this collection."
        assert watch.errors == [] and watch.dialogs == []
    finally:
        context.close()


def test_xss_vectors_show_as_text_and_bad_urls_are_dropped(opened):
    page, watch = opened
    search(page, "evil")
    assert card_titles(page) == [XSS_IMG]
    page.click("#grid .card-link")
    assert page.inner_text("#album-title") == XSS_IMG
    assert page.locator("#album-actions a").all_inner_texts() == ["View on Discogs"]
    assert page.get_attribute("#album-actions a", "href") == "https://www.discogs.com/release/1004"
    assert page.locator("#album-cover img").count() == 0
    page.keyboard.press("Escape")
    search(page, "quotes")
    assert card_titles(page) == [XSS_SCRIPT]
    page.click("#grid .card-link")
    assert page.inner_text("#album-title") == XSS_SCRIPT
    assert page.inner_text("#album-artist") == "\"Quotes\" & 'Apostrophes' <!--"
    assert page.inner_text("#album-desc .ai-text") == "<script>alert(3)</script>"
    assert "<b>not bold</b>" in page.inner_text("#album-facts")
    assert "<u>value</u>" in page.inner_text("#album-facts")
    page.keyboard.press("Escape")
    urls = page.eval_on_selector_all(
        "body [href], body [src], body [srcset]",
        "nodes => nodes.flatMap(n => ['href', 'src', 'srcset'].map(k => n.getAttribute(k)))",
    )
    bad = [u for u in urls if u is not None and not re.match(r"^(https?://|#)", u)]
    assert bad == []
    assert page.locator("script").count() == 2
    page.wait_for_timeout(100)
    assert watch.dialogs == []


def test_covers_load_and_fall_back_to_initials(opened):
    page, _ = opened
    search(page, "kind of blue")
    page.wait_for_function(
        "() => { const i = document.querySelector('#grid img'); "
        "return i && i.complete && i.naturalWidth > 0; }",
        polling=50,
    )
    search(page, "bookends")  # the cover host is unreachable
    page.wait_for_function("() => !document.querySelector('#grid .card img')", polling=50)
    assert page.inner_text("#grid .initials") == "SG"
    search(page, "homogenic")  # no cover at all
    assert page.locator("#grid .card img").count() == 0
    assert page.inner_text("#grid .initials") == "B"
    search(page, "fire")  # no Discogs cover: Spotify's image stands in
    assert page.get_attribute("#grid .card img", "src") == f"https://{IMAGE_HOST}/1008-spotify.png"


def test_csp_forbids_inline_handlers(browser, site):
    context, page, watch = _open(browser, site)
    try:
        blocked = page.evaluate(
            """() => new Promise((resolve) => {
                document.addEventListener('securitypolicyviolation',
                  (e) => resolve(e.violatedDirective), { once: true });
                const b = document.createElement('button');
                b.setAttribute('onclick', 'window.__ran = true');
                document.body.append(b);
                b.click();
            })"""
        )
        assert blocked.startswith("script-src")
        assert page.evaluate("window.__ran") is None
    finally:
        context.close()


def test_small_screen_dark_theme(browser, site):
    context, page, watch = _open(
        browser, site, viewport={"width": 360, "height": 780}, color_scheme="dark"
    )
    try:
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(19, 18, 17)"
        columns = page.evaluate(
            "getComputedStyle(document.getElementById('grid')).gridTemplateColumns.split(' ')"
        )
        assert len(columns) == 2
        page.screenshot(path=str(ARTIFACTS / "page-360-dark.png"))
        page.click("#grid .card-link")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
        box = page.locator("#album").bounding_box()
        assert box["width"] <= 360
        page.screenshot(path=str(ARTIFACTS / "page-360-dark-dialog.png"))
        assert watch.errors == []
    finally:
        context.close()


def test_measure_page_reports_timings(browser, site):
    timings = _load_page_timing().measure_page(site["html"], "filler", browser)
    assert timings["cards_rendered"] == 60
    assert timings["result_count"] == "70 of 78 albums"
    assert 0 < timings["first_render_ms"] < 5_000
    assert 0 <= timings["keystroke_ms"] < 1_000
