"""Reading contact lists: every encoding and separator, quoted fields with separators and line
breaks, empty lines, broken rows; XLSX and vCard 3.0/4.0; one clear error for unreadable files."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from zz_desktop.importexport.csv_source import decode, detect_delimiter
from zz_desktop.importexport.sources import ImportFileError, read_source

DATA = Path(__file__).parent / "data" / "import"

HEADER = ["Vorname", "Nachname", "Firma", "PLZ", "E-Mail", "Notizen"]
ROWS = [
    ["Jürgen", "Weiß", "Bäckerei Weiß e.K.", "06108", "jw@example.de", "Straße; Ecke Markt"],
    ["Änne", "Öztürk", "Groß & Söhne, GmbH", "01069", "ae@example.de", "Zeile 1\nZeile 2"],
    ["Sören", "Müßig", 'Firma "Drei"', "39104", "sm@example.de", ""],
]

ENCODINGS = {
    "utf-8": ("utf-8", b""),
    "utf-8-sig": ("utf-8", codecs.BOM_UTF8),
    "windows-1252": ("cp1252", b""),
    "iso-8859-1": ("iso-8859-1", b""),
}


def _csv_text(sep: str) -> str:
    def cell(value: str) -> str:
        if any(ch in value for ch in (sep, '"', "\n", ",", ";")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [sep.join(cell(c) for c in HEADER)]
    lines.append(sep.join(cell(c) for c in ROWS[0]))
    lines.append("")  # an empty line
    lines.append(sep.join(cell(c) for c in ROWS[1]))
    lines.append(sep * (len(HEADER) - 1))  # a line of empty fields
    lines.append(sep.join(cell(c) for c in ROWS[2]))
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_every_encoding_and_separator(tmp_path: Path, encoding: str, sep: str) -> None:
    codec, bom = ENCODINGS[encoding]
    path = tmp_path / "liste.csv"
    path.write_bytes(bom + _csv_text(sep).encode(codec))
    table = read_source(path)
    assert table.delimiter == sep
    assert table.headers == HEADER
    assert [r.cells for r in table.rows] == ROWS
    assert [r.number for r in table.rows] == [2, 4, 7]
    assert table.empty_lines == 2
    expected = {
        "utf-8": {"utf-8"},
        "utf-8-sig": {"utf-8-sig"},
        # Without bytes 0x80–0x9F the two read the same; either name is right.
        "windows-1252": {"windows-1252"},
        "iso-8859-1": {"windows-1252", "iso-8859-1"},
    }[encoding]
    assert table.encoding in expected


def test_cp1252_only_characters_are_read(tmp_path: Path) -> None:
    path = tmp_path / "euro.csv"
    path.write_bytes(
        "Firma;Notizen\r\nMüller GmbH;Umsatz 2 Mio €, „gut“ – sagt sie\r\n".encode("cp1252")
    )
    table = read_source(path)
    assert table.encoding == "windows-1252"
    assert table.rows[0].cells == ["Müller GmbH", "Umsatz 2 Mio €, „gut“ – sagt sie"]


def test_utf16_outlook_unicode_export(tmp_path: Path) -> None:
    path = tmp_path / "outlook.txt"
    path.write_bytes("Vorname\tNachname\r\nJürgen\tWeiß\r\n".encode("utf-16"))
    table = read_source(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows[0].cells == ["Jürgen", "Weiß"]


def test_excel_sep_line_and_pipe(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=|\nName|Ort\nTischlerei Krause|Halle\n", encoding="utf-8")
    table = read_source(path)
    assert table.delimiter == "|"
    assert table.rows[0].cells == ["Tischlerei Krause", "Halle"]


def test_broken_rows_are_flagged_short_rows_padded(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text("A;B;C\n1;2;3\n1;2;3;4;5\n1;2\n1;2;3;;\n", encoding="utf-8")
    table = read_source(path)
    assert [r.problem is not None for r in table.rows] == [False, True, False, False]
    assert table.rows[2].cells == ["1", "2", ""]
    assert table.rows[1].raw == ["1", "2", "3", "4", "5"]


def test_delimiter_detection_prefers_consistency() -> None:
    assert detect_delimiter('a;b;c\n"x, y";2;3\n') == ";"
    assert detect_delimiter("a,b\n1,2\n") == ","
    assert detect_delimiter("a\tb\tc;d\n1\t2\t3;4\n") == "\t"


def test_forced_encoding_and_wrong_encoding() -> None:
    assert decode("Weiß".encode("cp1252"), "cp1252") == ("Weiß", "cp1252")
    with pytest.raises(ImportFileError):
        decode("Weiß".encode("cp1252"), "utf-8")
    with pytest.raises(ImportFileError):
        decode(b"x", "no-such-codec")


def test_committed_outlook_fixture() -> None:
    table = read_source(DATA / "outlook_de_cp1252.csv")
    assert (table.encoding, table.delimiter) == ("windows-1252", ",")
    assert len(table.rows) == 6
    assert table.rows[0].cells[1] == "Jürgen-Maria"
    assert table.rows[0].cells[-1] == "Kundin seit 2019;\r\nmöchte Newsletter"


def test_committed_thunderbird_fixture() -> None:
    table = read_source(DATA / "thunderbird_en_utf8.csv")
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert [r.number for r in table.rows] == [2, 4, 7]
    assert table.rows[1].cells[-1] == "Mag Wandern\nund Radfahren"


def test_xlsx(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Teilnehmende"
    ws.append(["Vorname", "Nachname", "PLZ", "Geburtstag", "Telefon"])
    ws.append(["Jürgen", "Weiß", 6108, dt.datetime(1980, 5, 1), 3451234567])
    ws.append([None, None, None, None, None])
    ws.append(["Änne", "Öztürk", "01069", "12.03.1990", "0351 1234"])
    ws.append([None, None, None, None, None])  # formatted tail: no "empty line"
    wb.create_sheet("Leer")
    path = tmp_path / "liste.xlsx"
    wb.save(path)
    table = read_source(path)
    assert (table.kind, table.sheet) == ("xlsx", "Teilnehmende")
    assert table.rows[0].cells == ["Jürgen", "Weiß", "6108", "1980-05-01", "3451234567"]
    assert table.rows[1].number == 4
    assert table.empty_lines == 1
    with pytest.raises(ImportFileError):
        read_source(path, sheet="Fehlt")
    with pytest.raises(ImportFileError):
        read_source(path, sheet="Leer")


def test_vcard_3_and_4() -> None:
    v3 = read_source(DATA / "kontakte_v3.vcf")
    assert v3.kind == "vcard" and len(v3.rows) == 3
    first = dict(zip(v3.headers, v3.rows[0].cells, strict=True))
    assert first["Last Name"] == "Müller" and first["Company"] == "Müller Metallbau GmbH"
    assert first["Business Postal Code"] == "06112" and first["Mobile Phone"] == "0172 3456789"
    assert first["Notes"] == "Kontakt von der Messe, Rückruf erwünscht"
    second = dict(zip(v3.headers, v3.rows[1].cells, strict=True))
    assert second["Home Postal Code"] == "38855" and second["Birthday"] == "1971-03-02"
    v4 = read_source(DATA / "kontakte_v4.vcf")
    jana = dict(zip(v4.headers, v4.rows[0].cells, strict=True))
    assert jana["Business Phone"] == "+49-391-2223344"
    assert (jana["Gender"], jana["Birthday"]) == ("F", "19850521")


def test_vcard_broken_card_becomes_a_problem_row(tmp_path: Path) -> None:
    path = tmp_path / "mixed.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nN:Gut;Anna;;;\nFN:Anna Gut\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Kaputt\nN:Kaputt;;;;\nDas ist keine Zeile\nEND:VCARD\n",
        encoding="cp1252",
    )
    table = read_source(path)
    assert len(table.rows) == 2
    assert table.rows[0].problem is None
    assert table.rows[1].problem is not None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leer.csv", b""),
        ("nur_bom.csv", codecs.BOM_UTF8 + b"\r\n\r\n"),
        ("alt.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("kaputt.xlsx", b"PK\x03\x04 not really a zip"),
        ("binaer.csv", b"\x00\x01\x02\xff\xfe\x00" * 100),
        ("keine.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:ohne Ende\n"),
    ],
)
def test_unreadable_files_give_one_clear_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        read_source(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="fehlt|existiert|does not exist"):
        read_source(tmp_path / "fehlt.csv")
