"""Posts' Markdown against the OWASP XSS Filter Evasion cheat sheet: whatever is typed, only
the small set of tags survives, links go only to http, https or mailto, and nothing can run
a script, load an image or frame, or style the page."""

from html.parser import HTMLParser

import pytest

from pahub.community.markdown import ALLOWED_TAGS, quote_of, render_post

# From https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html,
# with Markdown's own ways in (links, autolinks, images, reference links) added.
PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    "<a onmouseover=alert(document.cookie)>xxs link</a>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<SCRIPT SRC=//xss.rocks/.j>",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "<iframe src=http://xss.rocks/scriptlet.html <",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    '<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">',
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    '<a href="javascript:alert(1)">x</a>',
    '<A HREF="http://66.102.7.147/">XSS</A>',
    '<A HREF="//www.google.com/">XSS</A>',
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<XSS STYLE="behavior: url(xss.htc);">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # Markdown's own ways in.
    "[click me](javascript:alert('XSS'))",
    "[click me](JaVaScRiPt:alert('XSS'))",
    "[click me](javascript&#58;alert('XSS'))",
    "[click me](&#106;avascript:alert('XSS'))",
    "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click me](vbscript:msgbox('XSS'))",
    "[click me]( javascript:alert(1))",
    "[click me](<javascript:alert(1)>)",
    '[click me](https://example.org "onmouseover=alert(1)")',
    '[click me](https://example.org" onmouseover="alert(1))',
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "![a picture](https://tracker.example/pixel.png)",
    "![x](javascript:alert(1))",
    '![x](https://example.org/x.png" onerror="alert(1))',
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "![ref][1]\n\n[1]: https://tracker.example/pixel.png",
    "`<script>alert(1)</script>`",
    "> <script>alert(1)</script>",
    "- <img src=x onerror=alert(1)>",
    "**<iframe src=https://example.org></iframe>**",
    "[x](/relative/path)",
    "[x](//evil.example/path)",
    "[x](file:///etc/passwd)",
]
LINK_SCHEMES = ("http://", "https://", "mailto:")


class Tags(HTMLParser):
    """Every tag and attribute in the HTML, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def parsed(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_the_list_has_at_least_forty_payloads():
    assert len(PAYLOADS) >= 40


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives(payload):
    html = render_post(payload)

    for tag, attrs in parsed(html):
        assert tag in ALLOWED_TAGS, html
        assert tag not in {"script", "img", "iframe", "style", "svg", "object", "embed"}, html
        assert set(attrs) <= {"href", "rel", "class"}, html
        assert not any(name.startswith("on") for name in attrs), html
        if tag == "a":
            href = (attrs.get("href") or "").strip().lower()
            assert href.startswith(LINK_SCHEMES), html
            assert attrs["rel"] == "nofollow noopener ugc"
    # Typed tags may remain as visible text (escaped), never as markup.
    lowered = html.lower()
    for tag in ("<script", "<img", "<iframe", "<style", "<svg", "<object", "<embed", "<a on"):
        assert tag not in lowered, html


def test_the_small_set_renders():
    html = render_post(
        "Hello *there* and **welcome**.\n\n- one\n- two\n\n1. first\n\n> a quote\n\n"
        "Use `code` and [a link](https://example.org) or <mailto:help@example.org>."
    )

    assert "<em>there</em>" in html
    assert "<strong>welcome</strong>" in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert '<blockquote class="govuk-inset-text">' in html
    assert "<code>code</code>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow noopener ugc"' in html
    assert 'href="mailto:help@example.org"' in html


def test_headings_and_images_are_plain_text():
    html = render_post("# Big\n\n![pic](https://example.org/a.png)")

    assert "<h1" not in html
    assert "# Big" in html
    assert "<img" not in html


def test_pa_hubs_own_text_may_link_to_its_own_pages_but_posts_may_not():
    assert 'href="/concerns/new/"' in render_post("[x](/concerns/new/)", site_links=True)
    assert "href" not in render_post("[x](/concerns/new/)")
    assert "href" not in render_post("[x](//evil.example/)", site_links=True)


def test_a_quote_quotes_every_line():
    assert quote_of("one\ntwo\n") == "> one\n> two\n\n"
