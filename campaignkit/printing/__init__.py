"""From template to checked PDF: rendering, fetching, one document, checks, previews."""
