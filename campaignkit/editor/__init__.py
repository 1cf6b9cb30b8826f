"""The editor workbook: app, session (no widgets), one module per tab."""


def __getattr__(name: str):
    """`Editor` loads ipywidgets: import it only when asked for."""
    if name == "Editor":
        from campaignkit.editor.app import Editor

        return Editor
    raise AttributeError(name)
