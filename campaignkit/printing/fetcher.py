"""The only way a page may load a resource: `data:` URLs and files under allowed folders:
templates/, the campaign folder, and the cache of print-ready photos now in use."""

from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher, URLFetcherResponse

from campaignkit import paths
from campaignkit.data.photos import cache_folder, cached_path
from campaignkit.exceptions import BlockedResource


class FolderFetcher(URLFetcher):
    """Serves `data:` URLs and local files under the given folders; refuses everything else."""

    def __init__(self, *folders: Path):
        super().__init__(allowed_protocols={"data", "file"}, fail_on_errors=True)
        self.folders = [
            Path(folder).resolve() for folder in (paths.TEMPLATES, cache_folder(), *folders)
        ]

    def fetch(self, url, headers=None):
        scheme = urlparse(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise BlockedResource(f"blocked: {url} (only data: and local files are allowed)")
        path = Path(unquote(urlparse(url).path))
        path = (cached_path(str(path)) or path).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise BlockedResource(f"blocked: {path} is outside the templates and campaign folders")
        return URLFetcherResponse(url, body=path.read_bytes())
