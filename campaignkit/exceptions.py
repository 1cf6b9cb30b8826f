"""Every error the kit raises on purpose."""

import errno as codes


class CampaignKitError(Exception):
    """Base of the kit's own errors: a catalog key (error.<key>) and its parameters.

    text.catalog.describe() says it in a language; str() is the key and parameters, for logs.
    A message with a space in it is an old-style text, shown as it is. No text lives here:
    every sentence is in the catalogs (text/locale).
    """

    def __init__(self, key: str = "", **params):
        self.key, self.params = key, params
        shown = ", ".join(f"{name}={value}" for name, value in params.items())
        super().__init__(f"{key} ({shown})" if params else key)

    def __reduce__(self):
        """Pickled whole, not rebuilt from its text: an error raised in a worker process
        reaches the parent with its key, parameters and attributes."""
        args = (
            (self.errno, self.strerror, self.filename) if isinstance(self, OSError) else self.args
        )
        return _rebuilt, (type(self), args, self.__dict__)


def _rebuilt(kind: type, args: tuple, attributes: dict) -> CampaignKitError:
    """An error unpickled: made as its base makes it (OSError's fields too), then given
    every attribute it had, without running its own __init__ again."""
    error = kind.__new__(kind, *args)
    (OSError if issubclass(kind, OSError) else Exception).__init__(error, *args)
    error.__dict__.update(attributes)
    return error


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
    """A rendered document failed its checks: text overflowing, glyphs missing. `problems`
    are printing.findings.Finding (codes and values); `said`, their text for the command line,
    which `plain` keeps; str() adds `carried`, the line a notebook's error takes them back in
    (printing.findings.failed makes both)."""

    def __init__(self, what: str, problems: list, said: str | None = None, carried: str = ""):
        self.what, self.problems = what, list(problems)
        self.plain = f"{what}: " + (said or "; ".join(map(str, self.problems)))
        super().__init__(self.plain + carried)


class EventHasTally(CampaignKitError):
    """A save would remove or rename events that already have a tally: their counts would
    belong to no event, and the results would stop on them. `titles`: by event id, its
    titles by language."""

    def __init__(self, titles: dict[str, dict[str, str]]):
        self.titles = titles
        super().__init__("event_has_tally", events=", ".join(titles))


class FileChanged(CampaignKitError):
    """A file changed on disk since the editor loaded it: saving would lose that change."""

    def __init__(self, path):
        self.path = path
        super().__init__("file_changed", path=path)


class OutsideOutputs(CampaignKitError):
    """A path the kit was about to write lies outside the outputs folder."""

    def __init__(self, path, folder):
        self.path, self.folder = path, folder
        super().__init__("outside_outputs", path=path, folder=folder)


class WriteFailed(CampaignKitError, OSError):
    """A file could not be written (full disk, read-only folder, permission): work stops.

    Its key names the cause when the catalog words it (write_failed.enospc), str() stays
    the OSError's own text: a kernel's failure is rebuilt from it (batch.jobs).
    """

    def __init__(self, errno: int | None, strerror: str, filename):
        OSError.__init__(self, errno, strerror, str(filename))
        cause = codes.errorcode.get(errno or 0, "").lower()
        self.key = f"write_failed.{cause}" if cause else "write_failed"
        self.params = {"file": self.filename, "detail": strerror}


class BuildBusy(CampaignKitError):
    """Another build holds the lock of this outputs folder."""

    def __init__(self, folder, pid, since):
        self.folder, self.pid, self.since = folder, pid, since
        super().__init__("build_busy", folder=folder, pid=pid or "?", since=since)


class BuildInterrupted(CampaignKitError):
    """The build was stopped by Ctrl-C; what finished is kept."""

    def __init__(self, finished: int, cancelled: int):
        self.finished, self.cancelled = finished, cancelled
        super().__init__("build_interrupted", finished=finished, cancelled=cancelled)


class UnsafeDataFile(CampaignKitError):
    """A data file the kit will not read or replace: a symlink, a FIFO, a file outside the
    campaign; `problem` (a text.problems.Problem) says why and what to do."""

    def __init__(self, path, problem):
        self.path, self.problem = path, problem
        super().__init__(problem.code, **problem.params)


class RecordsChanged(FileChanged):
    """Records edited here were also changed on disk by someone else: nothing was written.
    `conflicts` lists each such record with both versions (see data.merge.Conflict)."""

    def __init__(self, path, conflicts):
        self.conflicts = list(conflicts)
        super().__init__(path)
        names = ", ".join(conflict.record for conflict in self.conflicts)
        CampaignKitError.__init__(self, "records_changed", path=path, names=names)
