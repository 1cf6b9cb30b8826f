"""Photos (and the logo): checked when the data is validated, made print-ready before rendering.

A photo must be a real JPEG or PNG file inside the campaign folder, symlinks resolved. An SVG
is refused: it is a document that can load other files and web addresses. A photo larger
than print needs is downscaled once, into <out_dir>/.cache/photos (see caching_into), the
same input always giving the same bytes, so PDFs stay small and byte-identical.
"""

import hashlib
import io
import re
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import urlparse

from campaignkit import paths
from campaignkit.data.guard import UnsafeFile, regular_file
from campaignkit.files import write_atomically

MAX_SIDE = 2400  # px on the long side: over 1000 ppi on the largest printed photo
MAX_MEGAPIXELS = 80  # a larger image would take gigabytes to decode: refused
FORMATS = ("JPEG", "PNG")
REMOTE = ("http", "https", "ftp", "ftps")
ORIENTATION = 0x0112  # EXIF tag: how the camera was held
# A file name a shared folder, a zip and a print shop all take: no control character and none
# of the characters Windows refuses.
FILE_NAME = re.compile(r'^[^\x00-\x1f\x7f\\:*?"<>|]{1,120}$')
_CACHE: ContextVar[Path | None] = ContextVar("photo_cache", default=None)


CACHE_URL = "file:///campaignkit-cache/"  # the same in every output folder: same PDF bytes


def cache_folder() -> Path:
    """Where downscaled photos go now: the output folder's cache, else paths.CACHE."""
    return _CACHE.get() or paths.CACHE


@contextmanager
def caching_into(folder: Path):
    """Downscaled photos made inside this block go into `folder`."""
    token = _CACHE.set(Path(folder))
    try:
        yield
    finally:
        _CACHE.reset(token)


def contained_file_problem(root: Path, relative: str) -> tuple[str, dict] | None:
    """Why a data-referenced file cannot be used (code, params), or None when it is a
    regular file inside `root`."""
    candidate = Path(relative)
    if candidate.is_absolute() or "://" in relative or re.match(r"^[a-z]+:", relative):
        return "outside_folder", {"value": relative}
    if ".." in candidate.parts:
        return "outside_folder", {"value": relative}
    if not all(FILE_NAME.match(part) for part in candidate.parts):
        return "bad_file_name", {"value": relative.encode("unicode_escape").decode()}
    try:
        regular_file(root / candidate, root)
    except UnsafeFile as unsafe:
        return unsafe.code, unsafe.params | {"value": relative}
    except (OSError, ValueError):  # ValueError: a NUL character in the name
        return "file_missing", {"value": relative}
    return None


@contextmanager
def _strict():
    """Truncated files raise: WeasyPrint, once imported, tells Pillow to fill them in grey."""
    from PIL import ImageFile

    before, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _looks_like_svg(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return path.suffix.lower() in (".svg", ".svgz") or head.startswith((b"<?xml", b"<svg"))


def photo_problem(root: Path, relative: str) -> tuple[str, dict] | None:
    """(problem code, params) when `relative` cannot be printed as a photo, else None."""
    from PIL import Image

    if urlparse(relative).scheme.lower() in REMOTE or relative.startswith("//"):
        return "photo_remote", {"value": relative}
    contained = contained_file_problem(root, relative)
    if contained:
        return contained
    path = (root / relative).resolve()
    if _looks_like_svg(path):
        return "photo_svg", {"value": relative}
    try:
        with _strict(), Image.open(path) as image:
            if image.format not in FORMATS:
                return "photo_format", {"value": relative, "format": image.format}
            megapixels = image.width * image.height / 1e6
            if megapixels > MAX_MEGAPIXELS:
                params = {"megapixels": round(megapixels), "limit": MAX_MEGAPIXELS}
                return "photo_too_large", {"value": relative} | params
            image.verify()  # PNG: every chunk and its checksum
        if image.format == "JPEG":
            with _strict(), Image.open(path) as image:  # JPEG: decode at 1/8 scale, cheaply
                image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
                image.load()
    except Image.DecompressionBombError:
        params = {"megapixels": f"> {MAX_MEGAPIXELS}", "limit": MAX_MEGAPIXELS}
        return "photo_too_large", {"value": relative} | params
    except (OSError, SyntaxError, ValueError) as error:  # Pillow's ways to say "not an image"
        detail = str(error).split(" '/")[0] or type(error).__name__
        return "photo_not_image", {"value": relative, "detail": detail}
    return None


def page_url(path: Path) -> str:
    """The URL a page loads a print-ready photo by; a cached copy's does not name the output
    folder (WeasyPrint names images after their URL, and PDFs must not depend on it)."""
    folder = cache_folder().resolve()
    if path.resolve().is_relative_to(folder):
        return CACHE_URL + path.resolve().relative_to(folder).as_posix()
    return path.as_uri()


def cached_path(url_path: str) -> Path | None:
    """The cached file a page_url names (from the URL's path), None when it names none."""
    prefix = "/" + CACHE_URL.removeprefix("file:///")
    if not url_path.startswith(prefix):
        return None
    return cache_folder() / url_path.removeprefix(prefix)


class UnreadablePhoto(Exception):
    """A photo that passed validation but cannot be decoded (e.g. a truncated file)."""


def print_ready(path: Path) -> Path:
    """The file a page should load: the photo itself when small enough, else a copy at most
    MAX_SIDE px on its long side, upright, without metadata, cached by content."""
    from PIL import Image, ImageOps

    try:
        with _strict(), Image.open(path) as image:
            upright = image.getexif().get(ORIENTATION, 1) == 1
            if max(image.size) <= MAX_SIDE and upright:
                image.load()  # a truncated file fails here, not silently in the renderer
                return path
            source = path.read_bytes()
            suffix = "jpg" if image.format == "JPEG" else "png"
            digest = hashlib.sha256(source).hexdigest()[:32]
            target = cache_folder() / "photos" / f"{digest}-{MAX_SIDE}.{suffix}"
            if target.is_file():
                return target
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced scale
            smaller = ImageOps.exif_transpose(image)
            smaller.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            if suffix == "jpg":
                if smaller.mode not in ("RGB", "L", "CMYK"):
                    smaller = smaller.convert("RGB")
                smaller.save(buffer, "JPEG", quality=90)
            else:
                smaller.save(buffer, "PNG")
    except (OSError, SyntaxError, ValueError) as error:
        raise UnreadablePhoto(str(error) or type(error).__name__) from None
    return write_atomically(target, buffer.getvalue())
