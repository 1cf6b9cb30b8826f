# Voila's configuration for the workbook page: JUPYTER_CONFIG_PATH points at this folder
# (campaignkit/editor/server.py sets it). Every setting is in server.configure.
from campaignkit.editor.server import configure

configure(c)  # noqa: F821 - `c` is the configuration object Voila passes to this file
