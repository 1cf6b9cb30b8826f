"""Every region and language at once: build, kernels, fingerprints, manifest, gallery, shop."""

import sys

# papermill reads notebooks with nbformat, which imports jsonschema, which imports
# rfc3987-syntax when it is installed (Jupyter's servers pull it in) to check "iri"
# strings: it compiles 39 grammars at import, 1 to 2 s of every build's start. Notebooks
# have no such strings, so a build goes without it (jsonschema then skips that format).
sys.modules.setdefault("rfc3987_syntax", None)
