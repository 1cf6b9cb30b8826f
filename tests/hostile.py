"""Hostile files, made on demand: workbooks that would exhaust memory, FIFOs, symlink loops."""

import io
import os
import zipfile
from pathlib import Path

import openpyxl

GIGABYTE = 1_000_000_000


def workbook(rows, title="Décompte") -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return book


def far_cell_workbook(target: Path, rows) -> Path:
    """A tally of a few KB with one space in the sheet's last cell, XFD1048576."""
    book = workbook(rows)
    book.active["XFD1048576"] = " "
    book.save(target)
    return target


def hidden_first_sheet_workbook(target: Path, rows, old_rows) -> Path:
    """The tally as its second sheet; the first one, hidden, an old copy."""
    book = workbook(old_rows, title="old copy")
    book.active.sheet_state = "hidden"
    current = book.create_sheet("Décompte")
    for row in rows:
        current.append(row)
    book.save(target)
    return target


def bomb_workbook(target: Path, rows, cell_bytes: int = GIGABYTE) -> Path:
    """A workbook of about 1 MB holding one text cell of `cell_bytes` once unzipped: the
    last cell of the first row, as the inline string openpyxl writes."""
    buffer = io.BytesIO()
    workbook(rows).save(buffer)
    column = openpyxl.utils.get_column_letter(len(rows[0]) + 1)
    with zipfile.ZipFile(buffer) as small, zipfile.ZipFile(target, "w") as bomb:
        for part in small.infolist():
            data = small.read(part)
            if part.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(part, data, zipfile.ZIP_DEFLATED)
                continue
            head, tail = data.split(b"</row>", 1)
            info = zipfile.ZipInfo(part.filename, part.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(info, "w", force_zip64=True) as stream:
                stream.write(head + f'<c r="{column}1" t="inlineStr"><is><t>'.encode())
                chunk = b"A" * 1_000_000
                for _ in range(cell_bytes // len(chunk)):
                    stream.write(chunk)
                stream.write(b"</t></is></c></row>" + tail)
    return target


def fifo(path: Path) -> Path:
    """`path` replaced by a named pipe nobody writes to: reading it would wait for ever."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def symlink_loop(path: Path) -> Path:
    """`path` and a sibling link pointing at each other."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    other = path.with_name(path.name + ".loop")
    os.symlink(other.name, path)
    os.symlink(path.name, other)
    return path


def understated_workbook(target: Path, rows, declared: int = 64) -> Path:
    """A workbook whose zip directory says its sheet is `declared` bytes once unzipped, far
    less than it is: a reader trusting the sizes gets a cut-off sheet."""
    workbook(rows).save(target)
    data = bytearray(target.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = declared.to_bytes(4, "little")
    target.write_bytes(bytes(data))
    return target


def understated_dimension_workbook(target: Path, rows, declared: str = "A1:C3") -> Path:
    """A workbook whose sheet declares a smaller extent (<dimension>) than it fills."""
    buffer = io.BytesIO()
    workbook(rows).save(buffer)
    with zipfile.ZipFile(buffer) as written, zipfile.ZipFile(target, "w") as patched:
        for part in written.infolist():
            data = written.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b'<dimension ref="') + len(b'<dimension ref="')
                end = data.index(b'"', start)
                data = data[:start] + declared.encode() + data[end:]
            patched.writestr(part, data, zipfile.ZIP_DEFLATED)
    return target
