from relais.urls import public_url


def test_public_url_prefers_feed_domain() -> None:
    settings = {"SITEURL": "", "FEED_DOMAIN": "https://example.org/"}
    assert public_url(settings, "/en/posts/x/") == "https://example.org/en/posts/x/"
    assert public_url(settings, "en/") == "https://example.org/en/"


def test_public_url_falls_back_to_siteurl_and_keeps_absolute_links() -> None:
    assert public_url({"SITEURL": "https://site.org"}, "fr/") == "https://site.org/fr/"
    assert public_url({"SITEURL": ""}, "https://other.org/a") == "https://other.org/a"
