"""Cleanup: the furniture of a web page saved as text, blanked out before anything is read.

Why: a page copied or saved as ``.txt`` keeps its menus ("Who We Are", "About", "- Take
Action"), its site blurbs glued to menu labels ("Our WorkAs the leading organization ...") and
the "Source: URL" line a saver puts on top. Read as text, a menu label becomes an organisation
("WHO") and a site blurb becomes the sentence that reports the activity. The HTML loader drops
such elements by their markup; a text copy has lost the markup, so the page's shape is used
instead: menus are runs of short labels with no sentence punctuation, often repeated, often
bulleted, at the edges of the article.

Every change keeps the text's length (furniture is replaced by spaces, line breaks kept), so
offsets found later are valid in the original document.
"""

from __future__ import annotations

import re

from coopgraph.loaders.text.lines import text_lines

#: "Source: https://..." or a bare URL on a line of its own: provenance, not content
_URL_LINE = re.compile(r"^[ \t]*(?:(?:source|url|link|retrieved\s+from)[ \t]*:[ \t]*)?(?:https?://|www\.)\S*[ \t]*$",
                       re.I)
#: a bullet or dash alone, or a label after one
#: "By Jane Doe", "Posted by admin", "Author: J. Doe": who wrote the page, not who did anything
_BYLINE = re.compile(r"^[ \t]*(?:(?:written|posted|photos?)[ \t]+)?(?:by|author[ \t]*:)[ \t]+[A-Z][\w.’'\-]*"
                     r"(?:[ \t]+[A-Z][\w.’'\-]*){0,3}[ \t]*$", re.I)
#: share buttons and social networks run together on one line ("Facebook Twitter Instagram ...")
#: an image's file name left on a line of its own where the picture was ("VCG1145.jpg")
_FILE_LINE = re.compile(r"^[ \t]*[\w\-.]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)[ \t]*$", re.I)
#: a photo caption: a line closed by its credit ("... in Hohhot. (Photo: Agency)"); it repeats the
#: story's words and must not be read as a sentence of its own
_PHOTO_CAPTION = re.compile(r"\((?:photos?|photograph|image|picture|credit)s?[ \t]*(?:by|:)[^()\n]{0,60}\)[ \t]*$", re.I)
#: a "Related pictures" / "More news" label: what follows it, up to the next prose, is a gallery's
#: or a list's captions, not the story
_RELATED = re.compile(r"^[ \t]*(?:related|more|other|latest)[ \t]+(?:pictures|photos|images|news|articles|posts|stories|"
                      r"links|items)[ \t:]*$", re.I)
_SOCIAL = re.compile(r"\b(?:Facebook|Twitter|Instagram|YouTube|LinkedIn|WhatsApp|Telegram|WeChat|Weibo|"
                     r"Pinterest|Reddit|Flickr|TikTok|Apple\s+News|Print|E-?mail|Share)\b")
#: "Follow X on WhatsApp for updates", "Subscribe to our newsletter": the site's call, not the story
_FOLLOW_US = re.compile(r"^[ \t]*(?:follow|subscribe|sign[ \t]+up|join)\b[^.\n]{0,80}?\b(?:on|to|for)[ \t]+"
                        r"(?:our[ \t]+)?(?:Facebook|Twitter|X|Instagram|YouTube|LinkedIn|WhatsApp|Telegram|WeChat|"
                        r"newsletter|updates|channel)\b[^\n]{0,80}$", re.I)
_BULLET = re.compile(r"^[ \t]*(?:[-–—•*·▪●◦|>]+)[ \t]*")
#: a short menu label glued to the sentence after it: "Our WorkAs the ...", "WHO WE AREThe ..."
#: a short menu label glued to the sentence under it: "Our WorkAs the ...", "WHO WE AREThe ...";
#: the glued word is one that opens sentences, so a name such as "MacArthur" is not taken for one
_OPENERS = r"(?:The|A|An|As|At|In|On|For|Since|Since|We|Our|It|Its|This|These|Founded|Established|Learn|Read|Find|Explore)\b"
_GLUED = re.compile(r"^[ \t]*(?:[A-Z][A-Za-z&']*[ \t]+){0,3}[A-Z][A-Za-z&']*?(?<=[a-zA-Z])" + _OPENERS)
_SENTENCE_END = re.compile(r"[.!?:;,\"”’)]\s*$")
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
#: a day or month: a dated list row is content; a bare year ("2030 Agenda") is not a date
_DATE_LIKE = re.compile(rf"\b(?:{_MONTH})\b|\b\d{{1,2}}[./-]\d{{1,2}}\b", re.I)
#: words that make a short line a headline rather than a menu label
_ACTIVITY = re.compile(r"\b(?:train\w*|workshops?|seminars?|meetings?|conferences?|forums?|visits?|launch\w*|"
                       r"sign\w*|hand\w*\s+over|handover|open\w*|ceremon\w*|held|hosts?|hosted|organi[sz]\w*|"
                       r"consultations?|dialogues?|missions?|tours?|fairs?|courses?|supports?|helps?)\b", re.I)
#: a lower-case word in -ed: a clause ("officials visited the school"), not a label
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
_MAX_LABEL_WORDS = 5
_MIN_PROSE_WORDS = 8
#: a run of labels in the page's header or footer needs this many labels to be a menu
_MIN_LABELS = 3


def is_menu_label(line: str) -> bool:
    """A navigation label: a few words, no sentence punctuation, no day or month, no activity word."""
    body = _BULLET.sub("", line).strip()
    if not body:
        return _BULLET.match(line) is not None  # a lone dash or bullet between menu groups
    if len(body.split()) > _MAX_LABEL_WORDS or _SENTENCE_END.search(body):
        return False
    if _DATE_LIKE.search(body) or _ACTIVITY.search(body) or _PAST_VERB.search(body):
        return False
    return body[0].isupper() or body[0].isdigit()


def is_glued_label(line: str) -> bool:
    """A menu label run into the blurb under it ("About UsWe are ..."): the sign of a flattened menu."""
    return len(line.split()) > _MAX_LABEL_WORDS and _GLUED.match(line) is not None


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text[:4000] if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) >= 0.75 * len(letters)


def _other_script_label(line: str, latin_page: bool) -> bool:
    """'Комментарии', 'Источник akipress.kg': a short line in another script on a page written in
    Latin letters is the site's own chrome (a comments link, a source label), not the story."""
    if not latin_page or len(line.split()) > _MAX_LABEL_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c >= "\u0250" for c in letters) > len(letters) / 2


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _MIN_PROSE_WORDS and not is_glued_label(line)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture: URL lines, and runs of menu lines (labels, and blurbs glued to a
    label) before the article's first line of prose or after its last, holding at least three
    labels; anywhere, a run where a label repeats ("About / About"), as flattened menus do."""
    lines = [ln for ln in text_lines(text) if ln.text.strip()]
    latin_page = _mostly_latin(text)
    spans: list[tuple[int, int]] = [(ln.start, ln.end) for ln in lines
                                    if _URL_LINE.match(ln.text) or _BYLINE.match(ln.text)
                                    or _FILE_LINE.match(ln.text) or _PHOTO_CAPTION.search(ln.text)
                                    or _FOLLOW_US.match(ln.text) or _other_script_label(ln.text, latin_page)
                                    or len(_SOCIAL.findall(ln.text)) >= 2]
    for i, ln in enumerate(lines):
        if _RELATED.match(ln.text):
            j = i + 1
            while j < len(lines) and not _is_prose(lines[j].text):
                j += 1
            spans.append((ln.start, lines[j - 1].end))
    prose = [i for i, ln in enumerate(lines) if _is_prose(ln.text) and not _URL_LINE.match(ln.text)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    i = 0
    while i < len(lines):
        if not (is_menu_label(lines[i].text) or is_glued_label(lines[i].text)):
            i += 1
            continue
        j = i
        labels = repeats = 0
        while j < len(lines) and (is_menu_label(lines[j].text) or is_glued_label(lines[j].text)):
            if is_menu_label(lines[j].text):
                labels += 1
                repeats += j > i and lines[j].text.strip() == lines[j - 1].text.strip()
            j += 1
        at_edge = j <= first or i > last
        if j == first and j - i > 1 and not _BULLET.match(lines[j - 1].text):
            j -= 1  # the line right over the lead is the article's headline, however short
        if (labels >= _MIN_LABELS and at_edge) or (repeats and labels >= 2):
            spans.extend((ln.start, ln.end) for ln in lines[i:j])
        i = max(j, i + 1)
    return sorted(set(spans))


def blank_furniture(text: str) -> str:
    """The text with page furniture replaced by spaces (same length, line breaks kept)."""
    spans = furniture_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)
