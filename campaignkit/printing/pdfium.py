"""PDFium is not thread-safe, not even across documents: every use in the kit holds this lock."""

import threading
from contextlib import contextmanager

import pypdfium2

LOCK = threading.RLock()


@contextmanager
def open_pdf(source):
    """A pypdfium2 document (from a path or bytes), used and closed under the lock."""
    with LOCK:
        document = pypdfium2.PdfDocument(str(source) if not isinstance(source, bytes) else source)
        try:
            yield document
        finally:
            document.close()
