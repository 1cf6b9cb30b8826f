"""The only way a page may load a resource: `data:` URLs and files under allowed folders:
templates/, the campaign folder, and the cache of print-ready photos now in use."""

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher, URLFetcherResponse

from campaignkit import paths
from campaignkit.data.guard import MAX_RESOURCE, UnsafeFile, read_data_bytes, real_path
from campaignkit.data.photos import cache_folder, cached_path
from campaignkit.exceptions import BlockedResource


class FolderFetcher(URLFetcher):
    """Serves `data:` URLs and local files under the given folders; refuses everything else.
    `loaded`: each file served from outside templates/ (the kit's own), and its bytes' hash."""

    def __init__(self, *folders: Path):
        super().__init__(allowed_protocols={"data", "file"}, fail_on_errors=True)
        self.loaded: dict[str, str] = {}
        self.folders = [
            Path(folder).resolve() for folder in (paths.TEMPLATES, cache_folder(), *folders)
        ]

    def fetch(self, url, headers=None):
        scheme = urlparse(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise BlockedResource(f"blocked: {url} (only data: and local files are allowed)")
        asked = Path(unquote(urlparse(url).path))
        asked = cached_path(str(asked)) or asked
        try:  # a regular file, never a FIFO or a device; symlinks resolved, loops refused
            path = real_path(asked, None)
            if not any(path.is_relative_to(folder) for folder in self.folders):
                where = "outside the templates and campaign folders"
                raise BlockedResource(f"blocked: {path} is {where}")
            body = read_data_bytes(path, None, limit=MAX_RESOURCE)
        except UnsafeFile as unsafe:
            raise BlockedResource(f"blocked: {asked} ({unsafe.code})") from None
        if not path.is_relative_to(self.folders[0]):
            self.loaded[str(path)] = hashlib.sha256(body).hexdigest()
        return URLFetcherResponse(url, body=body)
