"""Every error the kit raises on purpose."""


class CampaignKitError(Exception):
    """Base of the kit's own errors: the message is meant for people."""


class InvalidCampaign(CampaignKitError):
    """The campaign data did not validate; `problems` lists every problem found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the campaign data")


class UnknownName(CampaignKitError):
    """A region, language, material or paper that does not exist."""


class BlockedResource(CampaignKitError):
    """A template or data file tried to reach outside the allowed folders."""


class RenderError(CampaignKitError):
    """A document could not be rendered."""


class PreflightFailed(CampaignKitError):
    """A rendered document failed its checks: text overflowing, glyphs missing."""

    def __init__(self, what: str, problems: list[str]):
        self.problems = list(problems)
        super().__init__(f"{what}: " + "; ".join(self.problems))


class FileChanged(CampaignKitError):
    """A file changed on disk since the editor loaded it: saving would lose that change."""

    def __init__(self, path):
        self.path = path
        super().__init__(f"{path} changed on disk since it was loaded")


class UnsafeDataFile(CampaignKitError):
    """A data file the kit will not read or replace: a symlink, a FIFO, a file outside the
    campaign; `texts` says why and what to do, per language (fr, en)."""

    def __init__(self, path, texts: dict[str, str], lang: str = "fr"):
        self.path, self.texts = path, dict(texts)
        super().__init__(self.texts[lang])

    def text(self, lang: str) -> str:
        return self.texts.get(lang, str(self))


class RecordsChanged(FileChanged):
    """Records edited here were also changed on disk by someone else: nothing was written.
    `conflicts` lists each such record with both versions (see data.merge.Conflict)."""

    def __init__(self, path, conflicts):
        self.conflicts = list(conflicts)
        super().__init__(path)
        names = ", ".join(conflict.record for conflict in self.conflicts)
        self.args = (f"{path}: {names} changed on disk since it was loaded",)
