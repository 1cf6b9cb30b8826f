"""A validation problem: where it is, what is wrong, how to fix it, in fr and en."""

from dataclasses import dataclass, field

MESSAGES = {
    "missing": (
        "champ obligatoire manquant",
        "required field is missing",
        "ajoutez ce champ",
        "add this field",
    ),
    "missing_translation": (
        "texte manquant en « {lang} »",
        "text missing in '{lang}'",
        "écrivez ce texte dans chaque langue de campaign.yaml ({languages})",
        "write this text in every language listed in campaign.yaml ({languages})",
    ),
    "empty_text": (
        "texte vide en « {lang} »",
        "empty text in '{lang}'",
        "écrivez le texte ou retirez le champ",
        "write the text or remove the field",
    ),
    "text_too_long": (
        "texte trop long en « {lang} » : {length} caractères, {limit} au plus",
        "text too long in '{lang}': {length} characters, at most {limit}",
        "raccourcissez-le pour qu'il tienne sur la page imprimée",
        "shorten it so that it fits the printed page",
    ),
    "too_many_paragraphs": (
        "trop de paragraphes en « {lang} » : {count}, {limit} au plus",
        "too many paragraphs in '{lang}': {count}, at most {limit}",
        "regroupez des paragraphes pour que le texte tienne sur sa page",
        "merge some paragraphs so that the text fits its page",
    ),
    "too_many_lines": (
        "adresse trop longue : {count} lignes, {limit} au plus",
        "address too long: {count} lines, at most {limit}",
        "regroupez des lignes de l'adresse",
        "put some parts of the address on the same line",
    ),
    "names_organization": (
        "la carte nomme l'organisme « {value} » en « {lang} »",
        "the card names the organization '{value}' in '{lang}'",
        "retirez ce nom : une carte de solidarité ne nomme jamais l'organisme",
        "remove the name: a solidarity card never names the organization",
    ),
    "brand_cmyk_missing": (
        "couleur sans sa valeur CMJN pour l'imprimeur",
        "colour without its CMYK value for the print shop",
        "donnez la couleur pour l'écran et pour l'impression, "
        'par exemple : {{rgb: "{rgb}", cmyk: [0, 0, 100, 0]}} (cyan, magenta, jaune, noir en %)',
        "give the colour for screens and for print, "
        'for example: {{rgb: "{rgb}", cmyk: [0, 0, 100, 0]}} (cyan, magenta, yellow, black in %)',
    ),
    "brand_cmyk_range": (
        "valeur CMJN hors limites : [{value}]",
        "CMYK value out of range: [{value}]",
        "donnez quatre pourcentages de 0 à 100, par exemple : cmyk: [0, 0, 100, 0]",
        "give four percentages from 0 to 100, for example: cmyk: [0, 0, 100, 0]",
    ),
    "invalid": (
        "valeur invalide : {detail}",
        "invalid value: {detail}",
        "corrigez la valeur (voir l'exemple dans cases/2023)",
        "correct the value (see the example in cases/2023)",
    ),
    "bad_date": (
        "date invalide « {value} »",
        "invalid date '{value}'",
        "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2023-12-09",
        "write the date as YYYY-MM-DD, for example 2023-12-09",
    ),
    "bad_time": (
        "heure invalide « {value} »",
        "invalid time '{value}'",
        "écrivez l'heure sur 24 h sous la forme HH:MM, par exemple 18:30",
        "write the time on the 24-hour clock as HH:MM, for example 18:30",
    ),
    "bad_number": (
        "nombre invalide « {value} »",
        "invalid number '{value}'",
        "écrivez un nombre entier positif ou nul, sans espace ni texte",
        "write a whole number, zero or more, with no spaces or text",
    ),
    "unknown_region": (
        "région inconnue « {value} »",
        "unknown region '{value}'",
        "utilisez un id de regions.csv : {choices}",
        "use an id from regions.csv: {choices}",
    ),
    "unknown_case": (
        "cas inconnu « {value} »",
        "unknown case '{value}'",
        "utilisez un id d'un fichier de cases/ : {choices}",
        "use the id of a file in cases/: {choices}",
    ),
    "unknown_language": (
        "langue non prise en charge « {value} »",
        "unsupported language '{value}'",
        "utilisez fr ou en",
        "use fr or en",
    ),
    "duplicate_id": (
        "id en double « {value} » (déjà utilisé {other})",
        "duplicate id '{value}' (already used {other})",
        "donnez à chaque élément un id unique",
        "give every item an id of its own",
    ),
    "not_encodable": (
        "caractères que ce fichier ({encoding}) ne peut pas contenir : {chars}",
        "characters this file ({encoding}) cannot hold: {chars}",
        "remplacez-les, ou enregistrez le fichier en UTF-8 depuis votre tableur",
        "replace them, or save the file as UTF-8 from your spreadsheet",
    ),
    "bad_email": (
        "adresse courriel invalide « {value} » ({detail})",
        "invalid e-mail address '{value}' ({detail})",
        "écrivez une adresse complète, par exemple prenom.nom@exemple.org",
        "write a full address, for example first.last@example.org",
    ),
    "bad_phone": (
        "numéro de téléphone invalide « {value} »",
        "invalid phone number '{value}'",
        "écrivez un numéro complet avec l'indicatif régional, par exemple 514 555-0123",
        "write a full number with its area code, for example 514 555-0123",
    ),
    "id_taken": (
        "id « {value} » déjà pris par l'événement « {other} »",
        "id '{value}' is already used by the event '{other}'",
        "choisissez un autre id, unique dans events.csv",
        "choose another id, not used elsewhere in events.csv",
    ),
    "id_mismatch": (
        "l'id « {value} » ne correspond pas au nom du fichier « {expected} »",
        "id '{value}' does not match the file name '{expected}'",
        "renommez le fichier ou corrigez l'id",
        "rename the file or correct the id",
    ),
    "bad_id": (
        "id invalide « {value} »",
        "invalid id '{value}'",
        "utilisez au plus 60 minuscules sans accents, chiffres et tirets (ex. : mtl-marathon)",
        "use at most 60 lower-case letters without accents, digits and hyphens (e.g. mtl-marathon)",
    ),
    "address_missing": (
        "adresse postale manquante",
        "postal address is missing",
        "écrivez l'adresse, ou mettez address_pending: true si elle reste à confirmer",
        "write the address, or set address_pending: true if it is still to be confirmed",
    ),
    "outside_campaign": (
        "date {value} hors de la campagne ({start} – {end})",
        "date {value} outside the campaign ({start} – {end})",
        "choisissez une date entre le début et la fin de la campagne, ou corrigez campaign.yaml",
        "pick a date between the campaign's start and end, or correct campaign.yaml",
    ),
    "end_before_start": (
        "la fin ({end}) précède le début ({start})",
        "the end ({end}) comes before the start ({start})",
        "vérifiez les deux heures ou dates",
        "check both times or dates",
    ),
    "file_missing": (
        "fichier introuvable « {value} »",
        "file not found '{value}'",
        "ajoutez le fichier dans le dossier de la campagne ou corrigez le chemin",
        "add the file to the campaign folder or correct the path",
    ),
    "outside_folder": (
        "chemin hors du dossier de la campagne « {value} »",
        "path outside the campaign folder '{value}'",
        "placez le fichier dans le dossier de la campagne et donnez un chemin relatif",
        "put the file inside the campaign folder and give a relative path",
    ),
    "bad_file_name": (
        "nom de fichier « {value} » avec un caractère de contrôle ou l'un de \\ : * ? \" < > |",
        "file name '{value}' with a control character or one of \\ : * ? \" < > |",
        "renommez le fichier avec des lettres, des chiffres, des tirets et des points, puis "
        "corrigez le chemin",
        "rename the file with letters, digits, hyphens and dots, then correct the path",
    ),
    "symlink_loop": (
        "« {value} » est un lien symbolique qui renvoie à lui-même, sans fin",
        "'{value}' is a symbolic link that leads back to itself, without end",
        "remplacez le lien par le fichier lui-même",
        "replace the link with the file itself",
    ),
    "not_regular_file": (
        "« {value} » est {kind_fr}, pas un fichier ordinaire : le lire pourrait bloquer",
        "'{value}' is {kind_en}, not a regular file: reading it could block",
        "remplacez-le par le fichier enregistré depuis votre tableur ou votre éditeur",
        "replace it with the file as saved by your spreadsheet or text editor",
    ),
    "file_too_large": (
        "fichier trop gros : {size}, {limit} au plus",
        "file too large: {size}, at most {limit}",
        "vérifiez que c'est le bon fichier ; un fichier de la campagne fait quelques Ko",
        "check that it is the right file; a campaign file is a few kilobytes",
    ),
    "save_through_link": (
        "« {value} » est un lien symbolique : l'enregistrer remplacerait le lien par un fichier",
        "'{value}' is a symbolic link: saving would replace the link with a file",
        "remplacez le lien par le fichier lui-même, puis rechargez",
        "replace the link with the file itself, then reload",
    ),
    "yaml_syntax": (
        "YAML illisible : {detail}",
        "unreadable YAML: {detail}",
        "corrigez la syntaxe (indentation, deux-points, guillemets)",
        "correct the syntax (indentation, colons, quotes)",
    ),
    "csv_syntax": (
        "CSV illisible : {detail}",
        "unreadable CSV: {detail}",
        "enregistrez le fichier en CSV UTF-8 séparé par des virgules",
        "save the file as comma-separated UTF-8 CSV",
    ),
    "missing_column": (
        "colonne manquante « {value} »",
        "missing column '{value}'",
        "ajoutez la colonne à la ligne d'en-tête",
        "add the column to the header line",
    ),
    "not_a_mapping": (
        "le fichier doit contenir des champs « nom: valeur »",
        "the file must hold 'name: value' fields",
        "comparez-le à un fichier de cases/2023",
        "compare it with a file in cases/2023",
    ),
    "file_unreadable": (
        "fichier illisible : {detail}",
        "unreadable file: {detail}",
        "vérifiez que le fichier existe et qu'il est enregistré en UTF-8",
        "check that the file exists and is saved as UTF-8",
    ),
    "yaml_duplicate_key": (
        "le champ « {value} » apparaît deux fois (aussi à la ligne {other})",
        "field '{value}' is given twice (also on line {other})",
        "gardez-en un seul : sinon seul le dernier compterait, sans avertissement",
        "keep only one: otherwise only the last one would count, without a warning",
    ),
    "yaml_expansion": (
        "plus de {limit} valeurs une fois les renvois YAML (&, *) développés",
        "more than {limit} values once YAML aliases (&, *) are expanded",
        "recopiez le texte à chaque endroit où il sert, sans ancres ni renvois",
        "copy the text out wherever it is used, without anchors or aliases",
    ),
    "yaml_too_deep": (
        "champs imbriqués sur plus de {limit} niveaux",
        "fields nested more than {limit} levels deep",
        "comparez l'indentation à celle d'un fichier de cases/2023",
        "compare the indentation with a file in cases/2023",
    ),
    "extra_cells": (
        "{count} cellules sur cette ligne, mais {columns} colonnes dans l'en-tête",
        "{count} cells on this row but {columns} columns in the header",
        "mettez entre guillemets un texte qui contient une virgule ou un point-virgule",
        "put a text that holds a comma or a semicolon between double quotes",
    ),
    "no_glyph": (
        "caractères qu'aucune police du kit ne peut imprimer : {chars}",
        "characters that no font of the kit can print: {chars}",
        "retirez-les ou remplacez-les (les émojis ne s'impriment pas ; les écritures latine, "
        "arabe, chinoise et japonaise s'impriment)",
        "remove or replace them (emoji do not print; Latin, Arabic, Chinese and Japanese "
        "scripts do)",
    ),
    "too_long": (
        "trop long : {length} caractères, {limit} au plus",
        "too long: {length} characters, at most {limit}",
        "raccourcissez-le pour qu'il tienne sur la page imprimée",
        "shorten it so that it fits the printed page",
    ),
    "empty_value": (
        "valeur vide",
        "empty value",
        "écrivez la valeur ou retirez le champ",
        "write the value or remove the field",
    ),
    "not_translated": (
        "un texte par langue est attendu, pas « {value} »",
        "a text per language is expected, not '{value}'",
        "écrivez-le dans chaque langue, sous la forme {{fr: « … », en: « … »}}",
        'write it in every language, as {{fr: "…", en: "…"}}',
    ),
    "expected_text": (
        "un texte est attendu, pas « {value} »",
        "a text is expected, not '{value}'",
        "écrivez un seul texte (entre guillemets s'il ressemble à un nombre)",
        "write a single text (between quotes if it looks like a number)",
    ),
    "expected_yes_no": (
        "oui ou non attendu, pas « {value} »",
        "yes or no expected, not '{value}'",
        "écrivez true ou false",
        "write true or false",
    ),
    "expected_list": (
        "une liste est attendue, pas « {value} »",
        "a list is expected, not '{value}'",
        "écrivez une liste : [a, b] ou une ligne « - … » par élément",
        "write a list: [a, b] or one '- …' line per item",
    ),
    "expected_fields": (
        "des champs « nom: valeur » sont attendus ici, pas « {value} »",
        "'name: value' fields are expected here, not '{value}'",
        "comparez ce champ à celui d'un fichier de cases/2023",
        "compare this field with the same one in a file of cases/2023",
    ),
    "unknown_field": (
        "champ inconnu",
        "unknown field",
        "corrigez le nom du champ (voir cases/2023) ou retirez-le",
        "correct the field's name (see cases/2023) or remove it",
    ),
    "bad_format": (
        "valeur « {value} » au mauvais format",
        "value '{value}' in the wrong format",
        "écrivez {expected_fr}",
        "write {expected_en}",
    ),
    "number_too_large": (
        "nombre invraisemblable « {value} » : plus de {limit}",
        "implausible number '{value}': more than {limit}",
        "vérifiez le nombre (une faute de frappe ?)",
        "check the number (a typing mistake?)",
    ),
    "photo_remote": (
        "photo sur le Web « {value} » : l'impression ne télécharge rien",
        "photo on the web '{value}': printing downloads nothing",
        "enregistrez la photo (avec l'accord de son auteur) dans le dossier photos/ de la "
        "campagne et donnez son chemin, par exemple photos/ana.jpg",
        "save the photo (with its author's consent) in the campaign's photos/ folder and give "
        "its path, for example photos/ana.jpg",
    ),
    "photo_svg": (
        "« {value} » est un SVG : un SVG peut charger d'autres fichiers et des adresses Web",
        "'{value}' is an SVG: an SVG can load other files and web addresses",
        "exportez la photo en JPEG ou en PNG",
        "export the photo as JPEG or PNG",
    ),
    "photo_not_image": (
        "« {value} » n'est pas une image lisible ({detail})",
        "'{value}' is not a readable image ({detail})",
        "ouvrez la photo dans un logiciel d'images et enregistrez-la en JPEG ou en PNG",
        "open the photo in an image program and save it as JPEG or PNG",
    ),
    "photo_format": (
        "« {value} » est une image {format} : seuls JPEG et PNG s'impriment sûrement",
        "'{value}' is a {format} image: only JPEG and PNG print reliably",
        "enregistrez-la en JPEG ou en PNG",
        "save it as JPEG or PNG",
    ),
    "photo_too_large": (
        "« {value} » fait {megapixels} mégapixels, {limit} au plus",
        "'{value}' has {megapixels} megapixels, at most {limit}",
        "réduisez-la à 2400 pixels au plus de côté",
        "reduce it to 2400 pixels at most on its long side",
    ),
    # Tally files (cases/<campaign>/tallies/), see docs/tally-format.md.
    "unknown_event": (
        "événement inconnu « {value} »",
        "unknown event '{value}'",
        "nommez le fichier d'après l'id de l'événement dans events.csv (ex. : {example}.csv)",
        "name the file after the event's id in events.csv (e.g. {example}.csv)",
    ),
    "event_mismatch": (
        "la ligne Événement indique « {value} », mais le fichier est nommé « {expected} »",
        "the Event row says '{value}' but the file is named '{expected}'",
        "renommez le fichier ou corrigez la ligne Événement / Event",
        "rename the file or correct the Event row",
    ),
    "no_event_row": (
        "la ligne « Événement / Event » manque",
        "the 'Événement / Event' row is missing",
        "ajoutez en haut la ligne Événement / Event suivie de l'id de l'événement",
        "add the Événement / Event row at the top, followed by the event's id",
    ),
    "duplicate_tally": (
        "deux décomptes pour l'événement « {value} » (aussi dans {other})",
        "two tallies for event '{value}' (also in {other})",
        "gardez un seul fichier par événement : supprimez ou fusionnez l'autre",
        "keep one file per event: delete or merge the other one",
    ),
    "duplicate_row": (
        "ligne « {value} » en double (déjà à la ligne {other})",
        "row '{value}' appears twice (already on row {other})",
        "additionnez les deux lignes en une seule",
        "add the two rows up into one",
    ),
    "no_label": (
        "des nombres sans libellé ni id de cas dans la colonne A",
        "numbers with no label or case id in column A",
        "écrivez l'id du cas (ou le libellé de la ligne) dans la colonne A",
        "write the case id (or the row's label) in column A",
    ),
    "not_a_count": (
        "nombre illisible « {value} »",
        "not a number: '{value}'",
        "recopiez le nombre de la feuille de décompte, en chiffres seulement ; laissez vide pour 0",
        "copy the number from the tally sheet, digits only; leave it blank for 0",
    ),
    "negative_count": (
        "nombre négatif « {value} »",
        "negative count '{value}'",
        "un décompte est zéro ou plus : recopiez le nombre de la feuille",
        "a count is zero or more: copy the number from the sheet",
    ),
    "count_too_large": (
        "nombre invraisemblable « {value} » : plus de {limit}",
        "implausible count '{value}': more than {limit}",
        "recopiez le nombre de la feuille de décompte (une date ou un téléphone collé là ?)",
        "copy the number from the tally sheet (a date or a phone number pasted there?)",
    ),
    "formula_count": (
        "formule « {value} » au lieu d'un nombre",
        "formula '{value}' instead of a number",
        "un CSV ne calcule rien : écrivez le nombre, ou enregistrez le fichier en .xlsx",
        "a CSV computes nothing: write the number, or save the file as .xlsx",
    ),
    "formula_not_computed": (
        "formule « {value} » jamais calculée",
        "formula '{value}' never computed",
        "ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le, ou écrivez le nombre",
        "open the file in Excel or LibreOffice and save it, or write the number",
    ),
    "sheet_hidden": (
        "le classeur commence par une feuille masquée « {value} » : elle serait lue à la place "
        "de la feuille visible",
        "the workbook starts with a hidden sheet '{value}': it would be read instead of the "
        "visible one",
        "supprimez la feuille masquée, ou affichez-la et gardez le décompte en première feuille",
        "delete the hidden sheet, or unhide it and keep the tally as the first sheet",
    ),
    "sheet_too_big": (
        "la feuille « {value} » s'étend jusqu'à la cellule {cell} ; un décompte tient dans "
        "{max_rows} lignes et les colonnes A à {max_column}",
        "sheet '{value}' reaches cell {cell}; a tally fits in {max_rows} rows and columns A "
        "to {max_column}",
        "effacez les cellules au-delà du décompte (Ctrl+Fin mène à la dernière), puis enregistrez",
        "clear the cells beyond the tally (Ctrl+End goes to the last one), then save",
    ),
    "xlsx_too_large": (
        "classeur de {size} une fois décompressé, {limit} au plus",
        "workbook of {size} once unzipped, at most {limit}",
        "copiez le décompte seul dans un nouveau classeur et enregistrez-le",
        "copy the tally alone into a new workbook and save it",
    ),
    "cell_too_long": (
        "cellule de {length} caractères, {limit} au plus",
        "cell of {length} characters, at most {limit}",
        "une cellule de décompte tient un nombre ou un court libellé : videz celle-ci",
        "a tally cell holds a number or a short label: clear this one",
    ),
    "total_mismatch": (
        "le total indique {stated}, mais les lignes donnent {counted}",
        "the total says {stated} but the rows add up to {counted}",
        "recomptez : corrigez la ligne fautive ou le total (ou videz la case du total)",
        "count again: correct the wrong row or the total (or clear the total cell)",
    ),
    "tally_format": (
        "format de fichier non lu « {value} »",
        "file format not read '{value}'",
        "enregistrez le décompte en .xlsx ou en .csv",
        "save the tally as .xlsx or .csv",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, with its place and its fix."""

    file: str
    field: str
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = None
    row: int | None = None
    column: str | None = None  # a spreadsheet column letter (tally files)

    def place(self, lang: str = "fr") -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{'ligne' if lang == 'fr' else 'row'} {self.row}")
        elif self.line is not None:
            parts.append(f"{'ligne' if lang == 'fr' else 'line'} {self.line}")
        if self.column is not None:
            parts.append(f"{'colonne' if lang == 'fr' else 'column'} {self.column}")
        if self.field:
            parts.append(f"{'champ' if lang == 'fr' else 'field'} {self.field}")
        return ", ".join(parts)

    def message(self, lang: str = "fr") -> str:
        fr, en, _, _ = MESSAGES[self.code]
        return (fr if lang == "fr" else en).format(**self.params)

    def fix(self, lang: str = "fr") -> str:
        _, _, fr, en = MESSAGES[self.code]
        return (fr if lang == "fr" else en).format(**self.params)

    def text(self, lang: str = "fr") -> str:
        if lang == "fr":
            return f"{self.place(lang)} : {self.message(lang)}. À faire : {self.fix(lang)}."
        return f"{self.place(lang)}: {self.message(lang)}. Fix: {self.fix(lang)}."
