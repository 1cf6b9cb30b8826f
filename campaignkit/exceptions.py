"""Every error the kit raises on purpose."""


class CampaignKitError(Exception):
    """Base of the kit's own errors: a catalog key (error.<key>) and its parameters.

    text.catalog.describe() says it in a language; str() is the key and parameters, for logs.
    A message with a space in it is an old-style text, shown as it is.
    """

    def __init__(self, key: str = "", **params):
        self.key, self.params = key, params
        shown = ", ".join(f"{name}={value}" for name, value in params.items())
        super().__init__(f"{key} ({shown})" if params else key)


class InvalidCampaign(CampaignKitError):
    """The campaign data did not validate; `problems` lists every problem found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("invalid_campaign", n=len(self.problems))


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
        super().__init__("file_changed", path=path)


class OutsideOutputs(CampaignKitError):
    """A path the kit was about to write lies outside the outputs folder."""

    def __init__(self, path, folder):
        self.path, self.folder = path, folder
        super().__init__(f"{path} is outside the outputs folder {folder}")

    def text(self, lang: str) -> str:
        if lang == "fr":
            return (
                f"{self.path} est hors du dossier de sortie {self.folder} : rien n'a été écrit. "
                "Vérifiez l'id de la campagne (campaign.yaml) et les liens symboliques."
            )
        return (
            f"{self.path} is outside the outputs folder {self.folder}: nothing was written. "
            "Check the campaign id (campaign.yaml) and symbolic links."
        )


WRITE_CAUSES = {  # errno name → (fr, en)
    "ENOSPC": ("disque plein", "disk full"),
    "EDQUOT": ("quota de disque dépassé", "disk quota exceeded"),
    "EROFS": ("dossier en lecture seule", "read-only folder"),
    "EACCES": ("permission refusée", "permission denied"),
    "EPERM": ("opération non permise", "operation not permitted"),
    "EFBIG": ("fichier trop gros", "file too large"),
}


class WriteFailed(CampaignKitError, OSError):
    """A file could not be written (full disk, read-only folder, permission): work stops."""

    def __init__(self, errno: int | None, strerror: str, filename):
        OSError.__init__(self, errno, strerror, str(filename))

    def cause(self, lang: str) -> str:
        import errno as codes

        fr, en = WRITE_CAUSES.get(codes.errorcode.get(self.errno or 0, ""), (None, None))
        known = fr if lang == "fr" else en
        return f"{known} ({self.strerror})" if known else str(self.strerror)

    def text(self, lang: str) -> str:
        if lang == "fr":
            return f"impossible d'écrire {self.filename} : {self.cause(lang)}"
        return f"cannot write {self.filename}: {self.cause(lang)}"


class BuildBusy(CampaignKitError):
    """Another build holds the lock of this outputs folder."""

    def __init__(self, folder, pid, since):
        self.folder, self.pid, self.since = folder, pid, since
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        pid = self.pid or "?"
        if lang == "fr":
            return (
                f"une production est en cours dans {self.folder} depuis {self.since}, "
                f"processus {pid} : attendez qu'elle finisse, puis relancez"
            )
        return (
            f"a build is running in {self.folder} since {self.since}, process {pid}: "
            "wait for it to finish, then start again"
        )


class BuildInterrupted(CampaignKitError):
    """The build was stopped by Ctrl-C; what finished is kept."""

    def __init__(self, finished: int, cancelled: int):
        self.finished, self.cancelled = finished, cancelled
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        if lang == "fr":
            return (
                f"interrompu : {self.finished} tâche(s) terminée(s) et enregistrée(s), "
                f"{self.cancelled} annulée(s) ; relancez pour finir"
            )
        return (
            f"interrupted: {self.finished} job(s) finished and recorded, "
            f"{self.cancelled} cancelled; run again to finish"
        )


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
        CampaignKitError.__init__(self, "records_changed", path=path, names=names)
